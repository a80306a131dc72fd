namespace Autopilot.Core.Tenants.Purge.Contract;

/// <summary>Body of POST /tenants/purge: confirm must be true; force purges while work runs. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record PurgeInput(string OrgId, bool Confirm)
{
    public bool? Force { get; init; }
}
