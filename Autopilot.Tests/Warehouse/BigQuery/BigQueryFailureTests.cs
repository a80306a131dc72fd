using System.Net;
using System.Net.Sockets;
using Autopilot.Core.Warehouse.BigQuery;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Warehouse.BigQuery.Fake;
using static Autopilot.Tests.Warehouse.BigQuery.BigQueryTestConnections;

namespace Autopilot.Tests.Warehouse.BigQuery;

public sealed class BigQueryFailureTests
{
    private const int Attempts = 4; // MaxRetries = 3 in the test connections, plus the first try.
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string Sql = $"SELECT user_id, country FROM {Table("analytics", "users")} ORDER BY user_id";

    public static TheoryData<string, FailureClass, int> Failures => new()
    {
        { "accessDenied", FailureClass.PermissionDenied, 1 },
        { "unauthenticated", FailureClass.PermissionDenied, 2 },
        { "quotaExceeded", FailureClass.QuotaExceeded, 1 },
        { "rateLimitExceeded 429", FailureClass.QuotaExceeded, Attempts },
        { "rateLimitExceeded 403", FailureClass.QuotaExceeded, Attempts },
        { "backendError 500", FailureClass.TransientNetwork, Attempts },
        { "backendError 503", FailureClass.TransientNetwork, Attempts },
        { "connection dropped", FailureClass.TransientNetwork, Attempts },
        { "malformed JSON", FailureClass.MalformedResponse, 1 },
        { "invalidQuery", FailureClass.ValidationFailed, 1 },
        { "notFound", FailureClass.ValidationFailed, 1 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_failure_maps_to_its_class_retrying_only_transient_ones(string scenario, FailureClass expected, int attempts)
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.Fail(FakeRoute.JobsQuery, Failure(scenario), times: 10);
        using var bigQuery = Connect(fake);

        var error = await FailsWith(expected, () => bigQuery.ExecuteAsync(Sql, Context(), None));

        Assert.Equal(attempts, fake.RequestsTo(FakeRoute.JobsQuery).Count);
        Assert.StartsWith(FailureClasses.Code(expected) + ": BigQuery jobs.query", error.Message, StringComparison.Ordinal);
        AssertNoSecrets(fake, error.Message);
    }

    [Theory]
    [InlineData("backendError 500")]
    [InlineData("backendError 503")]
    [InlineData("rateLimitExceeded 429")]
    [InlineData("rateLimitExceeded 403")]
    [InlineData("connection dropped")]
    public async Task A_transient_failure_is_retried_and_the_job_runs_once(string scenario)
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.Fail(FakeRoute.JobsQuery, Failure(scenario), times: 2);
        fake.Fail(FakeRoute.GetQueryResults, Failure(scenario), times: 1);
        var logger = new RecordingLogger<BigQueryWarehouse>();
        using var bigQuery = Connect(fake, o => o with { PageSize = 15 }, logger: logger);

        var result = await bigQuery.ExecuteAsync(Sql, Context(), None);

        // Each retry is logged with the path and the status or exception, and nothing that is a secret.
        Assert.Equal(3, logger.Lines.Count(l => l.StartsWith("Warning: BigQuery call /bigquery/v2/projects/", StringComparison.Ordinal)));
        Assert.All(logger.Lines, l => AssertNoSecrets(fake, l));

        Assert.Equal(40, result.Rows.Count);
        var queries = fake.RequestsTo(FakeRoute.JobsQuery);
        Assert.Equal(3, queries.Count);
        // Each retry repeats the first call's requestId, so BigQuery would not start a second job.
        Assert.Single(queries.Select(q => q.Body!["requestId"]!.GetValue<string>()).Distinct());
        Assert.Equal(1, fake.JobCount);
    }

    [Fact]
    public async Task Transient_failures_of_dry_runs_and_introspection_are_retried_too()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.Fail(FakeRoute.JobsInsert, FakeFailure.BackendError);
        fake.Fail(FakeRoute.DatasetsList, FakeFailure.RateLimited);
        fake.Fail(FakeRoute.TablesGet, FakeFailure.Drop);
        using var bigQuery = Connect(fake);

        var dryRun = await bigQuery.DryRunAsync(Sql, Context(), None);
        var schema = await bigQuery.IntrospectAsync(None);

        Assert.True(dryRun.TotalBytesProcessed > 0);
        Assert.Equal(4, schema.Tables.Count);
    }

    [Fact]
    public async Task A_malformed_page_fails_as_malformed_response()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.Fail(FakeRoute.GetQueryResults, FakeFailure.Malformed);
        using var bigQuery = Connect(fake, o => o with { PageSize = 15 });

        var error = await FailsWith(FailureClass.MalformedResponse, () => bigQuery.ExecuteAsync(Sql, Context(), None));

        Assert.Contains("getQueryResults", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_past_the_query_timeout_fails_as_timeout()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.Fail(FakeRoute.JobsQuery, FakeFailure.Slow(TimeSpan.FromSeconds(20)));
        using var bigQuery = Connect(fake);

        var started = TimeProvider.System.GetTimestamp();
        await FailsWith(FailureClass.Timeout, () => bigQuery.ExecuteAsync(Sql, Context(timeout: TimeSpan.FromMilliseconds(500)), None));

        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Attempts_that_each_time_out_are_retried_then_fail_as_timeout()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake, o => o with { RequestTimeout = TimeSpan.FromMilliseconds(500), ServerWait = TimeSpan.FromMilliseconds(100) });
        Assert.True(await bigQuery.PingAsync(None)); // the token is fetched before attempts are timed
        fake.Fail(FakeRoute.DatasetsList, FakeFailure.Slow(TimeSpan.FromSeconds(20)), times: 10);

        var error = await FailsWith(FailureClass.Timeout, () => bigQuery.IntrospectAsync(None));

        Assert.Contains("datasets.list", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + Attempts, fake.RequestsTo(FakeRoute.DatasetsList).Count);
    }

    [Fact]
    public async Task A_job_still_running_at_the_deadline_is_cancelled_and_fails_as_timeout()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.HoldJobs(polls: int.MaxValue);
        using var bigQuery = Connect(fake);
        Assert.True(await bigQuery.PingAsync(None)); // the token is fetched before the clock starts

        await FailsWith(FailureClass.Timeout, () => bigQuery.ExecuteAsync(Sql, Context(timeout: TimeSpan.FromSeconds(2)), None));

        Assert.True(fake.RequestsTo(FakeRoute.GetQueryResults).Count > 0, "the job was polled before the deadline");
        var cancel = Assert.Single(fake.RequestsTo(FakeRoute.JobsCancel));
        Assert.Equal("US", cancel.Param("location"));
        Assert.True(fake.IsCancelled("job_fake_0001"));
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation_and_cancels_the_job()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.HoldJobs(polls: int.MaxValue);
        using var bigQuery = Connect(fake);
        using var cancellation = new CancellationTokenSource();

        var running = bigQuery.ExecuteAsync(Sql, Context(), cancellation.Token);
        while (fake.RequestsTo(FakeRoute.GetQueryResults).Count < 2)
        {
            Assert.False(running.IsCompleted);
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.True(fake.IsCancelled("job_fake_0001"));
    }

    [Fact]
    public async Task An_unreachable_service_fails_as_transient_network_after_retries()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake, o => o with { Endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/") });

        var error = await FailsWith(FailureClass.TransientNetwork, () => bigQuery.ExecuteAsync(Sql, Context(), None));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        AssertNoSecrets(fake, error.Message);
    }

    [Fact]
    public async Task Ping_is_true_when_the_service_answers_and_false_on_any_failure()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);
        using var unreachable = Connect(fake, o => o with { Endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/"), MaxRetries = 0 });

        Assert.True(await bigQuery.PingAsync(None));
        Assert.Equal("1", Assert.Single(fake.RequestsTo(FakeRoute.DatasetsList)).Param("maxResults"));
        fake.Fail(FakeRoute.DatasetsList, FakeFailure.AccessDenied);
        Assert.False(await bigQuery.PingAsync(None));
        fake.Fail(FakeRoute.DatasetsList, FakeFailure.Malformed);
        Assert.False(await bigQuery.PingAsync(None));
        Assert.False(await unreachable.PingAsync(None));
        Assert.True(await bigQuery.PingAsync(None));
    }

    [Fact]
    public async Task Options_print_without_the_service_account_key()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        var printed = Options(fake).ToString();

        Assert.Contains("ServiceAccountJson = [redacted]", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Account.PrivateKeyFragment, printed, StringComparison.Ordinal);
    }

    internal static FakeFailure Failure(string scenario) => scenario switch
    {
        "accessDenied" => FakeFailure.AccessDenied,
        "unauthenticated" => FakeFailure.Error(401, "authError", "Invalid Credentials"),
        "quotaExceeded" => FakeFailure.QuotaExceeded,
        "rateLimitExceeded 429" => FakeFailure.RateLimited,
        "rateLimitExceeded 403" => FakeFailure.RateLimited403,
        "backendError 500" => FakeFailure.BackendError,
        "backendError 503" => FakeFailure.Error(503, "backendError", "Service unavailable. Please retry."),
        "connection dropped" => FakeFailure.Drop,
        "malformed JSON" => FakeFailure.Malformed,
        "invalidQuery" => FakeFailure.Error(400, "invalidQuery", "Syntax error: Unexpected keyword FROM at [1:8]"),
        "notFound" => FakeFailure.Error(404, "notFound", "Not found: Table autopilot-test:analytics.nope was not found in location US"),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    /// <summary>Neither the private key, nor a token, nor an Authorization header may appear in a failure's text.</summary>
    internal static void AssertNoSecrets(FakeBigQueryServer fake, string message)
    {
        Assert.DoesNotContain(Account.PrivateKeyFragment, message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ya29", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("assertion", message, StringComparison.OrdinalIgnoreCase);
        foreach (var token in fake.IssuedTokens)
        {
            Assert.DoesNotContain(token, message, StringComparison.Ordinal);
        }
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
