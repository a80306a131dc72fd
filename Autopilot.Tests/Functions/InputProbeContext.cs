using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Autopilot.Tests.Functions;

/// <summary>
/// An orchestration context for one question: which input type does an orchestration adapter read? It records the
/// type of the first <see cref="GetInput{T}"/> call and stops the run there; everything else is unsupported.
/// </summary>
internal sealed class InputProbeContext : TaskOrchestrationContext
{
    public Type? RequestedInput { get; private set; }

    public override TaskName Name => new("probe");

    public override string InstanceId => "probe";

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => throw Unsupported();

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => throw Unsupported();

    public override T? GetInput<T>()
        where T : default
    {
        RequestedInput = typeof(T);
        throw new InputRead();
    }

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) => throw Unsupported();

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => throw Unsupported();

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => throw Unsupported();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw Unsupported();

    public override void SetCustomStatus(object? customStatus) => throw Unsupported();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw Unsupported();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw Unsupported();

    public override Guid NewGuid() => throw Unsupported();

    private static NotSupportedException Unsupported() => new("InputProbeContext only answers GetInput.");

    /// <summary>Thrown once the input type is recorded.</summary>
    public sealed class InputRead : Exception
    {
        public InputRead()
            : base("input type recorded")
        {
        }
    }
}
