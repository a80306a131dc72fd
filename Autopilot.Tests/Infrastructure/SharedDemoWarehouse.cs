using Autopilot.Core.Warehouse;

namespace Autopilot.Tests.Infrastructure;

/// <summary>The demo warehouse file, generated once per test run and shared read-only by every test and server process.</summary>
public static class SharedDemoWarehouse
{
    private static readonly Lazy<(string Path, DateOnly Today)> Instance = new(() =>
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "autopilot-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var path = System.IO.Path.Combine(dir, "demo-warehouse.duckdb");
        DemoWarehouse.EnsureCreated(path, today);
        return (path, today);
    });

    public static string Path => Instance.Value.Path;

    public static DateOnly Today => Instance.Value.Today;
}
