using System.Globalization;
using Autopilot.Core.Warehouse.BigQuery.Wire;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Warehouse.BigQuery;

public sealed partial class BigQueryWarehouse
{
    /// <summary>
    /// <c>jobs.insert</c> with <c>configuration.dryRun</c>: bytes the query would process, its statement type and the
    /// tables it reads, without running it (and without the query cache, whose hits would report 0 bytes).
    /// </summary>
    public async Task<DryRunResult> DryRunAsync(string sql, QueryContext context, CancellationToken ct)
    {
        Validate(sql, context);
        var request = new JobInsertRequest(
            new JobReference(_options.ProjectId, "autopilot_dryrun_" + Guid.NewGuid().ToString("N"), _options.Location),
            new JobConfiguration(
                new JobConfigurationQuery(sql, UseLegacySql: false, UseQueryCache: false, Int64(context.MaximumBytesBilled)),
                DryRun: true,
                BigQueryLabels.For(context)));
        using var deadline = new CallDeadline(context.Timeout, _time, ct);
        Job job;
        try
        {
            job = await _rest.PostAsync<Job>("jobs", request, "dry run", deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new WorkflowStepException(FailureClass.Timeout, $"BigQuery dry run did not answer within {context.Timeout}.");
        }
        catch (WorkflowStepException rejected) when (rejected.Failure == FailureClass.ValidationFailed)
        {
            // The query does not fit the warehouse (no such table, column, function...): one reason form for every warehouse.
            throw new WorkflowStepException(FailureClass.ValidationFailed, WarehouseRejection.Describe(rejected.Reason), rejected);
        }

        var statistics = job.Statistics?.Query ?? throw BigQueryErrors.Malformed("dry run", "no statistics.query");
        var bytes = statistics.TotalBytesProcessed ?? job.Statistics.TotalBytesProcessed
            ?? throw BigQueryErrors.Malformed("dry run", "no totalBytesProcessed");
        var statementType = statistics.StatementType ?? throw BigQueryErrors.Malformed("dry run", "no statementType");
        var tables = (statistics.ReferencedTables ?? [])
            .Select(t => t.DatasetId is { Length: > 0 } d && t.TableId is { Length: > 0 } n
                ? $"{d}.{n}"
                : throw BigQueryErrors.Malformed("dry run", "a referenced table without dataset or table id"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new DryRunResult(bytes, statementType, tables);
    }

    /// <summary>
    /// <c>jobs.query</c>, then <c>getQueryResults</c> until the job is complete and every page up to
    /// <see cref="QueryContext.MaxRows"/> is read. A job still running at the deadline is cancelled (best effort) and
    /// reported as TIMEOUT; a caller's cancellation cancels it too.
    /// </summary>
    public async Task<QueryResult> ExecuteAsync(string sql, QueryContext context, CancellationToken ct)
    {
        Validate(sql, context);
        using var deadline = new CallDeadline(context.Timeout, _time, ct);
        var serverWait = (long)Math.Min(_options.ServerWait.TotalMilliseconds, context.Timeout.TotalMilliseconds);
        var request = new QueryRequest(
            sql,
            UseLegacySql: false,
            Int64(context.MaximumBytesBilled),
            BigQueryLabels.For(context),
            _options.Location,
            Math.Max(1, serverWait),
            PageRows(context.MaxRows, 0),
            // One id for every retry of this call: BigQuery answers a repeated requestId with the first job.
            "autopilot-" + Guid.NewGuid().ToString("N"));
        JobReference? job = null;
        try
        {
            var response = await _rest.PostAsync<QueryResponse>("queries", request, "jobs.query", deadline.Token);
            job = response.JobReference is { JobId: { Length: > 0 } } reference
                ? reference
                : throw BigQueryErrors.Malformed("jobs.query", "no jobReference.jobId");
            while (response.JobComplete != true)
            {
                await Task.Delay(_options.PollInterval, _time, deadline.Token);
                response = await GetResultsAsync(job, pageToken: null, PageRows(context.MaxRows, 0), deadline.Token);
            }

            return await ReadAllPagesAsync(job, response, context.MaxRows, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            await CancelJobAsync(job);
            throw new WorkflowStepException(FailureClass.Timeout, $"BigQuery query did not finish within {context.Timeout}.");
        }
        catch (OperationCanceledException)
        {
            await CancelJobAsync(job);
            throw;
        }
        catch (WorkflowStepException e) when (e.Failure == FailureClass.Timeout)
        {
            // Polls that kept timing out leave a job nobody will read.
            await CancelJobAsync(job);
            throw;
        }
    }

    private async Task<QueryResult> ReadAllPagesAsync(JobReference job, QueryResponse first, int maxRows, CancellationToken ct)
    {
        var fields = first.Schema?.Fields ?? throw BigQueryErrors.Malformed("getQueryResults", "a complete job without schema");
        var columns = fields.Select(f => new QueryColumn(f.Name ?? "", BigQueryTypes.Of(f))).ToList();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var trimmed = Append(rows, first, fields, maxRows);
        var pageToken = first.PageToken;
        while (pageToken is not null && rows.Count < maxRows)
        {
            var page = await GetResultsAsync(job, pageToken, PageRows(maxRows, rows.Count), ct);
            if (page.JobComplete == false || (page.Rows is not { Count: > 0 } && page.PageToken == pageToken))
            {
                throw BigQueryErrors.Malformed("getQueryResults", "a page that neither holds rows nor moves on");
            }

            trimmed |= Append(rows, page, fields, maxRows);
            pageToken = page.PageToken;
        }

        var truncated = trimmed || (first.TotalRows is { } total ? total > rows.Count : pageToken is not null);
        return new QueryResult(columns, rows, first.TotalBytesProcessed ?? 0, truncated, job.JobId);
    }

    /// <summary>Decodes a page's rows into <paramref name="rows"/> up to the cap; true when rows were left out.</summary>
    private static bool Append(
        List<IReadOnlyDictionary<string, object?>> rows, QueryResponse page, IReadOnlyList<TableFieldSchema> fields, int maxRows)
    {
        foreach (var row in page.Rows ?? [])
        {
            if (rows.Count >= maxRows)
            {
                return true;
            }

            try
            {
                rows.Add(BigQueryRowDecoder.DecodeRow(row, fields));
            }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or System.Text.Json.JsonException)
            {
                throw BigQueryErrors.Malformed("getQueryResults", $"row {rows.Count}: {e.Message}");
            }
        }

        return false;
    }

    private Task<QueryResponse> GetResultsAsync(JobReference job, string? pageToken, long maxResults, CancellationToken ct)
    {
        var query = $"location={Escape(job.Location ?? _options.Location)}&maxResults={maxResults}"
            + $"&timeoutMs={(long)_options.ServerWait.TotalMilliseconds}"
            + (pageToken is null ? "" : $"&pageToken={Escape(pageToken)}");
        return _rest.GetAsync<QueryResponse>($"queries/{Escape(job.JobId!)}?{query}", "getQueryResults", ct);
    }

    /// <summary>
    /// Best effort: asks BigQuery to stop a job nobody will read (<c>jobs.cancel</c>), within a few seconds of its own,
    /// and swallows any failure — the caller is already reporting the timeout or cancellation.
    /// </summary>
    private async Task CancelJobAsync(JobReference? job)
    {
        if (job?.JobId is not { Length: > 0 } jobId)
        {
            return;
        }

        try
        {
            using var deadline = new CallDeadline(TimeSpan.FromSeconds(5), _time, CancellationToken.None);
            await _rest.PostAsync(
                $"jobs/{Escape(jobId)}/cancel?location={Escape(job.Location ?? _options.Location)}", "jobs.cancel", deadline.Token);
        }
#pragma warning disable CA1031 // Best effort by design: the job times out on its own anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private long PageRows(int maxRows, int read) => Math.Min(_options.PageSize, Math.Max(0, maxRows - read));

    private static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Validate(string sql, QueryContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(context.MaximumBytesBilled, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(context.Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(context.MaxRows);
    }
}
