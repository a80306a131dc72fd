using Autopilot.Core.Warehouse;
using Autopilot.Core.Warehouse.BigQuery;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Warehouse.BigQuery.Fake;

namespace Autopilot.Tests.Warehouse.BigQuery;

/// <summary>Connectors pointed at a fake, with delays shrunk so retries and polls take milliseconds.</summary>
internal static class BigQueryTestConnections
{
    /// <summary>One key for the whole run: RSA key generation is the slow part of making an account.</summary>
    public static FakeServiceAccount Account { get; } = new();

    public static BigQueryOptions Options(FakeBigQueryServer fake) =>
        new(FakeBigQueryServer.Project, "US", Account.Json(fake.TokenUri), fake.BaseUri)
        {
            TenantId = "tenant-1",
            PollInterval = TimeSpan.FromMilliseconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(10),
            ServerWait = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 3,
        };

    public static BigQueryWarehouse Connect(
        FakeBigQueryServer fake,
        Func<BigQueryOptions, BigQueryOptions>? configure = null,
        TimeProvider? time = null,
        RecordingLogger<BigQueryWarehouse>? logger = null) =>
        new((configure ?? (o => o))(Options(fake)), time ?? TimeProvider.System, logger);

    public static QueryContext Context(
        int maxRows = 100_000, long maximumBytesBilled = 1_000_000_000, TimeSpan? timeout = null, string tenant = "tenant-1", string? workflow = "wf-1") =>
        new(tenant, workflow, maximumBytesBilled, timeout ?? TimeSpan.FromSeconds(30), maxRows);

    /// <summary>The fully qualified name the way BigQuery SQL writes it.</summary>
    public static string Table(string dataset, string table) => $"`{FakeBigQueryServer.Project}.{dataset}.{table}`";

    public static async Task<WorkflowStepException> FailsWith(FailureClass expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<WorkflowStepException>(call);
        Assert.True(expected == error.Failure, $"Expected {expected}, got {error.Failure}: {error.Message}");
        return error;
    }
}
