namespace Autopilot.Core.Sql;

/// <summary><c>ROWS|RANGE start</c>, or <c>ROWS|RANGE BETWEEN start AND end</c> when <see cref="End"/> is set.</summary>
public sealed record SqlWindowFrame(SqlFrameUnit Unit, SqlFrameBound Start, SqlFrameBound? End);
