namespace Autopilot.Core.Health.Contract;

/// <summary>Body of GET /ready: each dependency's check and the identity mode. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ReadinessReport(bool Ok, IReadOnlyDictionary<string, DependencyCheck> Checks, ReadinessAuth Auth);
