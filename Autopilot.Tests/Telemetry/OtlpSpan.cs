namespace Autopilot.Tests.Telemetry;

/// <summary>One span as the collector received it (ids in lower-case hex; kind per OTLP: 1 internal, 2 server, 3 client, 4 producer, 5 consumer).</summary>
internal sealed record OtlpSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes);
