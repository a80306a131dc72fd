using System.Text.Json;

namespace Autopilot.Core.Chat;

/// <summary>
/// The answer to a <see cref="ChatTurn"/> in the seed's shape (§12.1: <c>response_type</c>, <c>summary</c>, <c>data</c>,
/// <c>warnings</c>, <c>meta</c>). <see cref="PendingWorkflowId"/> is set when the turn started work (an agent run or a
/// workflow) that had not finished within the caller's wait: the reply is then provisional and
/// <see cref="IChatService.CompleteAsync"/> gives the final one once that orchestration ends. Serializable, so a durable
/// orchestration (a channel's reply) can carry it between activities.
/// </summary>
public sealed record ChatReply(string ResponseType, string Summary, JsonElement Data, IReadOnlyList<string> Warnings, ChatMeta Meta, string? PendingWorkflowId = null);
