using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Engine;

/// <summary>
/// The engine client of the request or function in progress. The Functions host hands a <see cref="DurableTaskClient"/> to
/// each function (<c>[DurableClient]</c>) and has none in DI, so services that start work for a caller — the chat front
/// door — read it here: <see cref="Api.ApiDispatcher"/> sets it around every route, and a function that calls such a
/// service outside a route sets it itself. On the self-hosted server the DI client serves when none is set.
/// </summary>
public static class DurableClientScope
{
    private static readonly AsyncLocal<DurableTaskClient?> Ambient = new();

    public static DurableTaskClient? Current => Ambient.Value;

    /// <summary>Makes <paramref name="client"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(DurableTaskClient client)
    {
        var previous = Ambient.Value;
        Ambient.Value = client;
        return new Restore(previous);
    }

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
