using System.Text.Json.Nodes;

namespace Autopilot.Core.Agent.Contract;

/// <summary>An agent run: its final answer (response_type, summary, data...), the approval-required blocked body, or its stage (queued/running + status_url). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AgentRunAnswer
{
    public string? RunId { get; init; }

    public string? Status { get; init; }

    public string? StatusUrl { get; init; }

    public string? ResponseType { get; init; }

    public string? Summary { get; init; }

    public JsonNode? Data { get; init; }

    public string? QueueId { get; init; }

    public int? QueuePosition { get; init; }

    public string? Reason { get; init; }
}
