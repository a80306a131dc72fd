namespace Autopilot.Core.Sql;

/// <summary>A query parameter: <c>@name</c>, or <c>?</c> when <see cref="Name"/> is null.</summary>
public sealed record SqlParameter(string? Name) : SqlExpression;
