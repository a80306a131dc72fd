namespace Autopilot.Tests.Infrastructure;

/// <summary>Tests that start, kill and time server processes run one at a time so their timings are not distorted.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "server processes";
}
