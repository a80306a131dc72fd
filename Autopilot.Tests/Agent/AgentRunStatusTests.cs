using Autopilot.Core.Agent;
using Microsoft.DurableTask.Client;

namespace Autopilot.Tests.Agent;

/// <summary>A run's custom status is read as a record, not matched as text: any JSON spelling of the same status reads the same.</summary>
public sealed class AgentRunStatusTests
{
    [Theory]
    [InlineData("""{"stage":"awaiting_approval","preview_id":"pv_1"}""")]
    [InlineData("""{ "stage": "awaiting_approval", "preview_id": "pv_1" }""")]
    [InlineData("{\"preview_id\":\"pv_1\",\n  \"stage\" : \"awaiting_approval\"}")]
    public void A_run_awaiting_approval_is_recognised_however_its_status_is_spelled(string serialized)
    {
        var instance = new OrchestrationMetadata(nameof(AgentRunOrchestration), "run_1") { RuntimeStatus = OrchestrationRuntimeStatus.Running, SerializedCustomStatus = serialized };

        Assert.True(AgentRunStatus.IsAwaitingApproval(instance));
        Assert.Equal("pv_1", AgentRunStatus.Read(instance)!.PreviewId);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running, """{"stage":"executing"}""")]
    [InlineData(OrchestrationRuntimeStatus.Completed, """{"stage":"awaiting_approval"}""")]
    [InlineData(OrchestrationRuntimeStatus.Running, null)]
    public void A_run_in_another_stage_or_finished_is_not_awaiting_approval(OrchestrationRuntimeStatus runtime, string? serialized)
    {
        var instance = new OrchestrationMetadata(nameof(AgentRunOrchestration), "run_1") { RuntimeStatus = runtime, SerializedCustomStatus = serialized };

        Assert.False(AgentRunStatus.IsAwaitingApproval(instance));
    }

    [Fact]
    public void A_queued_run_reads_its_standing_from_the_status_admission_publishes()
    {
        var instance = new OrchestrationMetadata(nameof(AgentRunOrchestration), "run_1")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            SerializedCustomStatus = """{"state":"queued","queue_id":"q_1","queue_position":2,"reason":"concurrency_limit"}""",
        };

        Assert.True(AgentRunStatus.IsQueued(instance));
        Assert.Equal(2, AgentRunStatus.Read(instance)!.QueuePosition);
    }
}
