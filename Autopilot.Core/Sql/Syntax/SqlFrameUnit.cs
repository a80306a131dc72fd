namespace Autopilot.Core.Sql;

/// <summary>Window frame units.</summary>
public enum SqlFrameUnit
{
    Rows,
    Range,
}
