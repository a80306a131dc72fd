using System.Diagnostics;
using DurableTask.Core;

namespace Autopilot.Benchmarks.Engine;

/// <summary>
/// Pass-through over the provider that counts committed work: an orchestration counts as completed when the
/// provider has durably committed its final episode (after <c>CompleteTaskOrchestrationWorkItemAsync</c>
/// returns), so no status polling adds load to the storage being measured.
/// </summary>
internal sealed class CountingOrchestrationService : IOrchestrationService
{
    private readonly IOrchestrationService _inner;
    private readonly string _measuredPrefix;
    private long _episodes;
    private long _episodeMessages;
    private long _activities;
    private int _completed;
    private int _failed;
    private int _target = int.MaxValue;
    private long _lastCompletionTimestamp;
    private readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CountingOrchestrationService(IOrchestrationService inner, string measuredPrefix)
    {
        _inner = inner;
        _measuredPrefix = measuredPrefix;
    }

    public int Completed => Volatile.Read(ref _completed);

    public int Failed => Volatile.Read(ref _failed);

    public long Episodes => Interlocked.Read(ref _episodes);

    public long EpisodeMessages => Interlocked.Read(ref _episodeMessages);

    public long Activities => Interlocked.Read(ref _activities);

    public long LastCompletionTimestamp => Interlocked.Read(ref _lastCompletionTimestamp);

    /// <summary>Completes when <paramref name="target"/> measured orchestrations have finished (completed or failed).</summary>
    public Task WhenFinished(int target)
    {
        Volatile.Write(ref _target, target);
        CheckDone();
        return _allDone.Task;
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _episodes, 0);
        Interlocked.Exchange(ref _episodeMessages, 0);
        Interlocked.Exchange(ref _activities, 0);
    }

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        await _inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        Interlocked.Increment(ref _episodes);
        Interlocked.Add(ref _episodeMessages, workItem?.NewMessages?.Count ?? 0);
        var status = orchestrationState?.OrchestrationStatus ?? newOrchestrationRuntimeState?.OrchestrationStatus;
        var instanceId = workItem?.InstanceId ?? string.Empty;
        if (!instanceId.StartsWith(_measuredPrefix, StringComparison.Ordinal))
        {
            return;
        }

        if (status == OrchestrationStatus.Completed)
        {
            Interlocked.Increment(ref _completed);
        }
        else if (status is OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled)
        {
            Interlocked.Increment(ref _failed);
        }
        else
        {
            return;
        }

        Interlocked.Exchange(ref _lastCompletionTimestamp, Stopwatch.GetTimestamp());
        CheckDone();
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await _inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        Interlocked.Increment(ref _activities);
    }

    private void CheckDone()
    {
        if (Completed + Failed >= Volatile.Read(ref _target))
        {
            _allDone.TrySetResult();
        }
    }

    // Everything else passes straight through.
    public int TaskOrchestrationDispatcherCount => _inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => _inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => _inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => _inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => _inner.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync() => _inner.StartAsync();

    public Task StopAsync() => _inner.StopAsync();

    public Task StopAsync(bool isForced) => _inner.StopAsync(isForced);

    public Task CreateAsync() => _inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => _inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => _inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => _inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => _inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        _inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => _inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => _inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        _inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => _inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        _inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => _inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => _inner.AbandonTaskActivityWorkItemAsync(workItem);
}
