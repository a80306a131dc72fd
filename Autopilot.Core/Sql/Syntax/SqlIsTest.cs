namespace Autopilot.Core.Sql;

/// <summary>What IS tests for.</summary>
public enum SqlIsTest
{
    Null,
    True,
    False,
    Unknown,
}
