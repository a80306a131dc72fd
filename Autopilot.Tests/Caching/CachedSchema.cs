namespace Autopilot.Tests.Caching;

/// <summary>A value shaped like what the schema cache holds.</summary>
public sealed record CachedSchema(string Dataset, IReadOnlyList<string> Tables, DateTimeOffset IntrospectedAt);
