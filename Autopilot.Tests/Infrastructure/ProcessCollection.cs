namespace Autopilot.Tests.Infrastructure;

/// <summary>
/// Tests that start, kill and time server processes run one at a time within a chain, so their timings are not distorted
/// by each other. There are two such chains (<see cref="ProcessCollection"/> and <see cref="SecondProcessCollection"/>),
/// which run beside each other and beside the rest of the suite: one chain was the whole run's critical path (1,826 of
/// 1,831 s, with the machine half idle for its last ten minutes). Each chain's classes that only need a default server
/// share one (<see cref="ServerFixture"/>, each test on its own tenant): start-ups are the slowest part of these chains.
/// </summary>
/// <remarks>
/// The second chain holds the route sweeps, the dashboard, memo and purge tests and the engine's two-server and kill -9
/// tests; the first, the rest (admission, queue, agent, alerts and notifications, connectors, health, rate limits).
/// </remarks>
[CollectionDefinition(Name)]
public sealed class ProcessCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server processes";
}

/// <summary>The second chain of server-process tests (see <see cref="ProcessCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SecondProcessCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server processes, second chain";
}
