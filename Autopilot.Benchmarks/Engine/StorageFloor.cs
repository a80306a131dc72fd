using System.Diagnostics;
using Azure.Storage.Queues;

namespace Autopilot.Benchmarks.Engine;

/// <summary>
/// The storage floor: raw queue round trips against the same Azurite. One round trip = send one small message,
/// receive one message, delete it (three HTTP calls), with Azure.Storage.Queues (the client the provider uses).
/// </summary>
internal static class StorageFloor
{
    public sealed record Result(int Messages, int InFlight, TimeSpan Elapsed)
    {
        public double RoundTripsPerSecond => Messages / Elapsed.TotalSeconds;
    }

    public static async Task<Result> MeasureAsync(string connectionString, int messages, int inFlight, CancellationToken cancellation)
    {
        var queue = new QueueClient(connectionString, $"floor-{Guid.NewGuid():N}");
        await queue.CreateAsync(cancellationToken: cancellation);
        try
        {
            await RunAsync(queue, Math.Min(300, messages), 1, cancellation); // warm the connection, the JIT and Azurite
            var stopwatch = Stopwatch.StartNew();
            await RunAsync(queue, messages, inFlight, cancellation);
            return new Result(messages, inFlight, stopwatch.Elapsed);
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
        }
    }

    private static async Task RunAsync(QueueClient queue, int messages, int inFlight, CancellationToken cancellation)
    {
        var remaining = messages;
        var loops = Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await queue.SendMessageAsync("bench-floor-message", cancellation);
                // Every loop sends before it receives, so a message is there; another loop may take this one.
                while (true)
                {
                    var received = (await queue.ReceiveMessageAsync(cancellationToken: cancellation)).Value;
                    if (received is not null)
                    {
                        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellation);
                        break;
                    }
                }
            }
        });
        await Task.WhenAll(loops);
    }
}
