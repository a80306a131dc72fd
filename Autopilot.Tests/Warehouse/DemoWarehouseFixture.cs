using System.Diagnostics;
using Autopilot.Core.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Warehouse;

/// <summary>
/// The demo warehouse generated once per test run for a fixed date (<see cref="Today"/>), so figures that depend on the
/// calendar (which days are weekends, the missing day) are the same on every run. Share it through
/// <c>[Collection(DemoWarehouseCollection.Name)]</c>; pair it with <see cref="CreateClock"/>, not the real clock.
/// </summary>
public sealed class DemoWarehouseFixture : IDisposable
{
    public DemoWarehouseFixture()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "autopilot-tests", "demo-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "demo.duckdb");
        var started = Stopwatch.GetTimestamp();
        DemoWarehouse.EnsureCreated(Path, Today);
        GenerationTime = Stopwatch.GetElapsedTime(started);
    }

    public string Path { get; }

    public DateOnly Today { get; } = new(2026, 11, 26);

    /// <summary>"Now" for tests: 01:30 UTC on <see cref="Today"/>, 90 minutes after the day the data ends.</summary>
    public DateTimeOffset Now => new(Today.ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero);

    /// <summary>A folder for files a test makes beside the shared one; removed with it.</summary>
    public string Directory { get; }

    public TimeSpan GenerationTime { get; }

    public FakeTimeProvider CreateClock() => new(Now);

    public DuckDbWarehouse CreateWarehouse() => new(Path, CreateClock());

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing can hold a file for a moment; the OS temp cleaner takes what is left.
        }
    }
}
