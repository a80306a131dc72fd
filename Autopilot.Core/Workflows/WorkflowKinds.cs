using Autopilot.Core.Dashboards;
using Autopilot.Core.Memos;
using Autopilot.Core.Profiling;
using Autopilot.Core.Workflows.Testing;

namespace Autopilot.Core.Workflows;

/// <summary>The workflow types this build runs.</summary>
public static class WorkflowKinds
{
    public static WorkflowKind Profile { get; } = new(
        WorkflowTypes.Profile, nameof(ProfileWarehouseOrchestration), typeof(ProfileRunInput), new HashSet<string> { ProfileSteps.DetectPii });

    public static WorkflowKind Dashboard { get; } = new(
        WorkflowTypes.Dashboard, nameof(DashboardBuildOrchestration), typeof(DashboardBuildInput), new HashSet<string>());

    public static WorkflowKind Memo { get; } = new(
        WorkflowTypes.Memo, nameof(WeeklyMemoOrchestration), typeof(WeeklyMemoInput), new HashSet<string>());

    /// <summary>Fault injection for tests; reachable over HTTP only with AUTOPILOT_ENABLE_TEST_WORKFLOWS=true.</summary>
    public static WorkflowKind FaultTest { get; } = new(
        WorkflowTypes.FaultTest, nameof(FaultInjectionOrchestration), typeof(FaultInjectionInput), FaultInjectionOrchestration.SkippableSteps);

    public static WorkflowKind? Find(string workflowType, bool includeTestKinds) => workflowType switch
    {
        WorkflowTypes.Profile => Profile,
        WorkflowTypes.Dashboard => Dashboard,
        WorkflowTypes.Memo => Memo,
        WorkflowTypes.FaultTest when includeTestKinds => FaultTest,
        _ => null,
    };
}
