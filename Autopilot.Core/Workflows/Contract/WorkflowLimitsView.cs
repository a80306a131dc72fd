namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of GET /workflows/limits (POST answers the same without defaults and service). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowLimitsView(string OrgId, int ConcurrencyLimit, int ProfileLimit, int AgentLimit)
{
    public bool? Defaults { get; init; }

    public ServiceInFlight? Service { get; init; }
}
