using System.Text.Json.Nodes;

namespace Autopilot.Core.Feedback.Contract;

/// <summary>Body of GET /feedback/provider-summary. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record FeedbackProviderSummaryView(JsonObject ByProvider, JsonObject ByTask);
