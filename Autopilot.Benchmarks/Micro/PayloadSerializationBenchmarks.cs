using Autopilot.Benchmarks.Engine;
using Autopilot.Server.Engine;
using BenchmarkDotNet.Attributes;

namespace Autopilot.Benchmarks.Micro;

/// <summary>The engine serializes every input, output and event through <see cref="SdkDataConverter"/>.</summary>
[MemoryDiagnoser]
public class PayloadSerializationBenchmarks
{
    private readonly BenchChainInput _input = new(42, 5);
    private string _json = string.Empty;

    [GlobalSetup]
    public void Setup() => _json = SdkDataConverter.Instance.Serialize(_input)!;

    [Benchmark]
    public string? Serialize() => SdkDataConverter.Instance.Serialize(_input);

    [Benchmark]
    public object? Deserialize() => SdkDataConverter.Instance.Deserialize(_json, typeof(BenchChainInput));
}
