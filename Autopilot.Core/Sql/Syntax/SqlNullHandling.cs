namespace Autopilot.Core.Sql;

/// <summary>IGNORE NULLS, RESPECT NULLS, or neither written.</summary>
public enum SqlNullHandling
{
    Default,
    Ignore,
    Respect,
}
