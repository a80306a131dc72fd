namespace Autopilot.Tests.Infrastructure;

/// <summary>
/// Tests that start, kill and time server processes run one at a time so their timings are not distorted. Their classes
/// that only need a default server share one (<see cref="ServerFixture"/>, each test on its own tenant) instead of
/// starting a server per class: start-ups are the slowest part of this collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server processes";
}
