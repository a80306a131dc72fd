namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>A caller's token combined with a timeout on the service's clock; tells a timeout from the caller's cancellation.</summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _caller;

    public CallDeadline(TimeSpan timeout, TimeProvider time, CancellationToken caller)
    {
        _caller = caller;
        _timeout = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the timeout, not the caller, ended the call.</summary>
    public bool Expired => _timeout.IsCancellationRequested && !_caller.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
