using System.Collections.Concurrent;
using Autopilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Telemetry;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on loopback (<c>POST /v1/traces</c>, <c>POST /v1/metrics</c>, protobuf):
/// the real OTLP exporter in the server sends to it, and the tests read what arrived.
/// </summary>
internal sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOtlpCollector(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<OtlpSpan> Spans { get; } = new();

    public ConcurrentQueue<OtlpMetricPoint> MetricPoints { get; } = new();

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        FakeOtlpCollector? collector = null;
        var (app, baseUri) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v1/traces", async (HttpRequest request) =>
            {
                foreach (var span in OtlpDecoder.Spans(await BodyAsync(request)))
                {
                    collector!.Spans.Enqueue(span);
                }

                return Results.Bytes([], "application/x-protobuf");
            });
            app.MapPost("/v1/metrics", async (HttpRequest request) =>
            {
                foreach (var point in OtlpDecoder.MetricPoints(await BodyAsync(request)))
                {
                    collector!.MetricPoints.Enqueue(point);
                }

                return Results.Bytes([], "application/x-protobuf");
            });
        });
        collector = new FakeOtlpCollector(app, baseUri);
        return collector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException("OTLP/HTTP export must be protobuf, got " + request.ContentType);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
