namespace Autopilot.Core.Queries.Contract;

/// <summary>Body of POST /queries/approve-run. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueryApproveInput(string OrgId, string PreviewId)
{
    public bool? ShowPii { get; init; }
}
