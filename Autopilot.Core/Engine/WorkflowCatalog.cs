using Autopilot.Core.Admission;
using Autopilot.Core.Agent;
using Autopilot.Core.Profiling;
using Autopilot.Core.Queries;
using Autopilot.Core.Workflows.Testing;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Engine;

/// <summary>
/// Every orchestrator and activity, declared once. Both runtimes register exactly these
/// (the server through the shim factory, Functions through one-line adapters checked by a test).
/// </summary>
public static class WorkflowCatalog
{
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(ProfileWarehouseOrchestration),
        typeof(FaultInjectionOrchestration),
        typeof(AgentRunOrchestration),
        typeof(QueryRunOrchestration),
    ];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(IntrospectWarehouseActivity),
        typeof(ProfileTableBatchActivity),
        typeof(TagPiiActivity),
        typeof(PersistCatalogActivity),
        typeof(CompleteWorkflowRunActivity),
        typeof(SkipStepActivity),
        typeof(CheckAdmissionActivity),
        typeof(ReleaseSlotActivity),
        typeof(FaultStepActivity),
        typeof(PlanQuestionActivity),
        typeof(ValidatePlanActivity),
        typeof(CritiquePlanActivity),
        typeof(ExecuteQueryActivity),
        typeof(ReviewResultActivity),
        typeof(ComposeAnswerActivity),
        typeof(RunApprovedQueryActivity),
    ];

    /// <summary>The durable name of a task: its class name.</summary>
    public static string NameOf(Type type) => type.Name;
}
