using Autopilot.Core.Agent;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Engine;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Core.Chat;

/// <summary>
/// The chat front door (CHAT-1..6): the turn's intent, then a query goes through an agent run (planner → validator →
/// critic → gate → executor, the one safe path: a model's suggested SQL is never run as such) and profile, dashboard and
/// memo through the workflow triggers' launch path — admission, tenant caps, queue, and the normal <c>workflow_run</c>
/// audit (the seed exempted chat's workflows from these: a §31 defect not kept). One <c>chat_run</c> audit per turn.
/// </summary>
public sealed class ChatService : IChatService
{
    private readonly ChatIntentClassifier _classifier;
    private readonly AgentRunLauncher _agents;
    private readonly WorkflowTriggers _workflows;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;

    public ChatService(ChatIntentClassifier classifier, AgentRunLauncher agents, WorkflowTriggers workflows, AuditLog audit, TimeProvider time, IServiceProvider services)
    {
        _classifier = classifier;
        _agents = agents;
        _workflows = workflows;
        _audit = audit;
        _time = time;
        _services = services;
    }

    public async Task<ChatReply> StartAsync(ChatTurn turn, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var intent = await _classifier.ClassifyAsync(turn.TenantId, turn.Message, cancellationToken);
        var meta = new ChatMeta(intent.Action, intent.LlmConfigured, intent.InterpreterReason, turn.UserId);
        var client = Client();
        ChatReply reply;
        try
        {
            reply = intent.Action == ChatActions.Query
                ? await StartQueryAsync(client, turn, wait, meta, cancellationToken)
                : await StartWorkflowAsync(client, turn.TenantId, intent.Action, wait, meta, cancellationToken);
        }
        catch (ApiException refused)
        {
            // A refusal of the launch (a disconnected warehouse) is the turn's answer, as the seed answers its exceptions.
            reply = intent.Action == ChatActions.Query
                ? ChatReplies.QueryFailed(refused.Detail, meta)
                : ChatReplies.WorkflowFailed(intent.Action, refused.Detail, meta);
        }

        await _audit.AppendAsync(turn.TenantId, "chat_run", new
        {
            user_id = turn.UserId,
            session_id = turn.SessionId,
            response_type = reply.ResponseType,
            intent_action = intent.Action,
            origin = turn.Origin.ToString().ToLowerInvariant(),
            workflow_id = reply.PendingWorkflowId ?? WorkflowIdOf(reply),
        }, cancellationToken);
        return reply;
    }

    public async Task<ChatReply?> CompleteAsync(ChatTurn turn, ChatReply pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.PendingWorkflowId is not { } id)
        {
            return pending;
        }

        var instance = await Client().GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            // Purged (a tenant purge, or the engine's retention) before its answer was read: the turn ends without one.
            var gone = $"workflow {id} no longer exists";
            return pending.Meta.IntentAction == ChatActions.Query ? ChatReplies.QueryFailed(gone, pending.Meta) : ChatReplies.WorkflowFailed(pending.Meta.IntentAction, gone, pending.Meta);
        }

        return pending.Meta.IntentAction == ChatActions.Query
            ? ChatReplies.FromAgentRun(instance, turn.TenantId, pending.Meta)
            : ChatReplies.FromWorkflow(pending.Meta.IntentAction, instance, pending.Meta);
    }

    private async Task<ChatReply> StartQueryAsync(DurableTaskClient client, ChatTurn turn, TimeSpan wait, ChatMeta meta, CancellationToken cancellation)
    {
        var launch = await _agents.LaunchAsync(client, turn.TenantId, turn.UserId, turn.SessionId ?? string.Empty, turn.Message, cancellation);
        if (!launch.Decision.Admitted)
        {
            return ChatReplies.QueryPending(turn.TenantId, launch.RunId, launch, meta);
        }

        // A run that waits for an approval has its answer for now: the person must approve it.
        var instance = await WorkflowWaiter.WaitUntilAsync(client, launch.RunId, wait, AgentRunStatus.IsAwaitingApproval, _time, cancellation);
        return (instance is null ? null : ChatReplies.FromAgentRun(instance, turn.TenantId, meta))
            ?? ChatReplies.QueryPending(turn.TenantId, launch.RunId, null, meta);
    }

    private async Task<ChatReply> StartWorkflowAsync(DurableTaskClient client, string tenant, string action, TimeSpan wait, ChatMeta meta, CancellationToken cancellation)
    {
        var launch = action switch
        {
            ChatActions.Profile => await _workflows.ProfileAsync(client, tenant, sampling: false, cancellation),
            ChatActions.Dashboard => await _workflows.DashboardAsync(client, tenant, cancellation),
            _ => await _workflows.MemoAsync(client, tenant, cancellation),
        };
        if (!launch.Decision.Admitted)
        {
            return ChatReplies.WorkflowPending(action, launch, meta);
        }

        var instance = await WorkflowWaiter.WaitUntilAsync(client, launch.WorkflowId, wait, _ => false, _time, cancellation);
        return (instance is null ? null : ChatReplies.FromWorkflow(action, instance, meta)) ?? ChatReplies.WorkflowPending(action, launch, meta);
    }

    private DurableTaskClient Client() => DurableClientScope.Current ?? _services.GetService<DurableTaskClient>()
        ?? throw new InvalidOperationException("No durable client: call the chat service inside a route, or set DurableClientScope in the function that calls it.");

    private static string? WorkflowIdOf(ChatReply reply) =>
        reply.Data.ValueKind == System.Text.Json.JsonValueKind.Object && reply.Data.TryGetProperty("workflow_id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString()
            : reply.Data.ValueKind == System.Text.Json.JsonValueKind.Object && reply.Data.TryGetProperty("run_id", out var run) && run.ValueKind == System.Text.Json.JsonValueKind.String ? run.GetString() : null;
}
