namespace Autopilot.Core.Dashboards;

/// <summary>
/// One card of a dashboard template: what it shows (<see cref="Description"/>, in plain words), how it is drawn, and the
/// BigQuery SQL that computes it — written from the catalog's roles, run through the one query path.
/// </summary>
/// <param name="Display"><c>line</c> (a daily series: columns day, value), <c>bar</c> (label, value) or <c>scalar</c> (one value).</param>
public sealed record DashboardCardSpec(
    string Key,
    string Title,
    CardWidth Width,
    int Height,
    string Display,
    string Sql,
    string Description);
