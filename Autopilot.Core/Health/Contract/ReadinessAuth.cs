namespace Autopilot.Core.Health.Contract;

/// <summary>How the service reads identity, as /ready reports it. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ReadinessAuth(string Mode, bool HeadersTrustedFromNetwork, string? Warning);
