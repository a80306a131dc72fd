using System.Text.Json.Nodes;

namespace Autopilot.Core.Pii.Contract;

/// <summary>Body of GET /pii/review. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record PiiReviewView(string OrgId, IReadOnlyList<PiiColumnView> AutoTaggedHighConfidence, IReadOnlyList<PiiColumnView> NeedsReviewLowConfidence, IReadOnlyList<PiiColumnView> Reviewed, IReadOnlyList<JsonNode> BulkActions);
