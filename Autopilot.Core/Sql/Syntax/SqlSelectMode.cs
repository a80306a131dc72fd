namespace Autopilot.Core.Sql;

/// <summary>Whether a SELECT produces rows (default), one STRUCT per row, or one value per row.</summary>
public enum SqlSelectMode
{
    Default,
    AsStruct,
    AsValue,
}
