using Autopilot.Core.Caching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Autopilot.Core.Costs;

/// <summary>The Redis path and the merge of an outage's journal.</summary>
public sealed partial class CostLimiter
{
    /// <summary>Journal operations per merge script call (keeps each script short).</summary>
    private const int MergeBatch = 200;

    private readonly SemaphoreSlim _merge = new(1, 1);
    private long _mergedVersion;

    /// <summary>
    /// Redis when it is available and holds everything recorded in memory meanwhile; otherwise null (and the call
    /// is counted as a fallback when a Redis is configured).
    /// </summary>
    private async ValueTask<IDatabase?> RedisAsync(CancellationToken cancellation)
    {
        if (!_redis.IsConfigured)
        {
            return null;
        }

        var db = await _redis.TryGetDatabaseAsync(cancellation);
        if (db is null)
        {
            Interlocked.Increment(ref _fallbacks);
            Telemetry.AutopilotMetrics.LimiterFellBack("cost");
            return null;
        }

        // A failed merge has reported itself (and counted the fallback).
        return _memory.Version == Interlocked.Read(ref _mergedVersion) || await MergeAsync(db, cancellation) ? db : null;
    }

    private async Task<BudgetDecision> RedisReserveAsync(IDatabase db, string orgId, long estimatedBytes, string? reservationId, CancellationToken cancellation)
    {
        var budget = _options.HourlyBudgetBytes;
        using var span = Telemetry.AutopilotTelemetry.StartRedis("cost_reserve");
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(
            CostWindowScripts.Reserve,
            Keys(orgId),
            [_windowMs, estimatedBytes, budget, reservationId ?? string.Empty, reservationId is null ? 0 : 1]).WaitAsync(cancellation))!;
        var status = (int)result[0];
        var used = (long)result[1];
        var existing = (long)result[2];
        var serverMs = (long)result[3];
        switch (status)
        {
            case 2:
                _memory.Carry(orgId, used + existing, serverMs);
                return BudgetDecision.From(true, used, existing, budget);
            case 1:
                _memory.Carry(orgId, reservationId is null ? used : used + estimatedBytes, serverMs);
                return BudgetDecision.From(true, used, estimatedBytes, budget);
            default:
                _memory.Carry(orgId, used, serverMs);
                return BudgetDecision.From(false, used, estimatedBytes, budget);
        }
    }

    private async Task RedisReconcileAsync(IDatabase db, string orgId, string reservationId, long actualBytes, CancellationToken cancellation)
    {
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(
            CostWindowScripts.Reconcile,
            Keys(orgId),
            [_windowMs, reservationId, actualBytes]).WaitAsync(cancellation))!;
        _memory.Carry(orgId, (long)result[1], (long)result[2]);
    }

    private static RedisKey[] Keys(string orgId) => [CostWindowKeys.Key(orgId), CostWindowKeys.IndexKey(orgId)];

    /// <summary>
    /// Pushes the in-memory journal into Redis, once, before Redis answers again. Callers wait for a merge in
    /// progress so that no decision is taken on Redis without the outage's usage. False when Redis failed meanwhile.
    /// </summary>
    private async Task<bool> MergeAsync(IDatabase db, CancellationToken cancellation)
    {
        await _merge.WaitAsync(cancellation);
        try
        {
            var version = _memory.Version;
            if (version == Interlocked.Read(ref _mergedVersion))
            {
                return true;
            }

            var journals = _memory.Export();
            var operations = 0;
            foreach (var journal in journals)
            {
                long used = 0, serverMs = 0;
                foreach (var batch in journal.Entries.Chunk(MergeBatch))
                {
                    var args = new List<RedisValue>(1 + (batch.Length * 3)) { _windowMs };
                    foreach (var entry in batch)
                    {
                        args.Add(entry.ReservationId);
                        args.Add(entry.Bytes);
                        args.Add(entry.AtMs);
                    }

                    var result = (RedisResult[])(await db.ScriptEvaluateAsync(CostWindowScripts.Merge, Keys(journal.OrgId), [.. args]).WaitAsync(cancellation))!;
                    (used, serverMs) = ((long)result[0], (long)result[1]);
                }

                _memory.Acknowledge(journal, used, serverMs);
                operations += journal.Entries.Count;
            }

            // Whatever was journalled after `version` was read stays unacknowledged and is merged next time.
            Interlocked.Exchange(ref _mergedVersion, version);
            if (operations > 0 && _logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Merged {Operations} cost-window operations of {Orgs} orgs recorded in memory during a Redis outage", operations, journals.Count);
            }

            return true;
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            Failed(ex);
            return false;
        }
        finally
        {
            _merge.Release();
        }
    }
}
