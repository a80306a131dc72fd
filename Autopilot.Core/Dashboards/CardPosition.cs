namespace Autopilot.Core.Dashboards;

/// <summary>Where a card sits on the 18-unit grid (DASH-5's <c>{col,row,size_x,size_y}</c>).</summary>
public sealed record CardPosition(int Col, int Row, int SizeX, int SizeY);
