namespace Autopilot.Tests.Telemetry;

/// <summary>One data point of a sum or gauge metric as the collector received it (a histogram point carries its count).</summary>
internal sealed record OtlpMetricPoint(string Metric, IReadOnlyDictionary<string, string> Attributes, double Value);
