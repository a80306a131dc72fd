using Autopilot.Core.Workflows;
using Autopilot.Tests.Warehouse.BigQuery.Fake;
using Microsoft.Extensions.Time.Testing;
using static Autopilot.Tests.Warehouse.BigQuery.BigQueryTestConnections;

namespace Autopilot.Tests.Warehouse.BigQuery;

public sealed class BigQueryAuthTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_token_is_reused_until_it_expires_on_the_service_clock_then_refreshed()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        var clock = new FakeTimeProvider(FakeWarehouseData.DataEnd);
        using var bigQuery = Connect(fake, time: clock);

        Assert.True(await bigQuery.PingAsync(None));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(await bigQuery.PingAsync(None));
        Assert.Single(fake.TokenClaims);

        clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await bigQuery.PingAsync(None));

        Assert.Equal(2, fake.TokenClaims.Count);
        var pings = fake.RequestsTo(FakeRoute.DatasetsList);
        Assert.Equal(pings[0].BearerToken, pings[1].BearerToken);
        Assert.NotEqual(pings[1].BearerToken, pings[2].BearerToken);
        Assert.All(pings, p => Assert.Contains(p.BearerToken!, fake.IssuedTokens));
        // The assertions are signed with the account's key (the fake verifies it), for the read-only scope, on the clock.
        var (first, second) = (fake.TokenClaims[0], fake.TokenClaims[1]);
        Assert.Equal("https://www.googleapis.com/auth/bigquery.readonly", first["scope"]!.GetValue<string>());
        Assert.Equal(FakeServiceAccount.ClientEmail, first["iss"]!.GetValue<string>());
        // Google's library always addresses the assertion to Google's token endpoint, wherever it sends it.
        Assert.Equal("https://oauth2.googleapis.com/token", first["aud"]!.GetValue<string>());
        Assert.Equal(FakeWarehouseData.DataEnd.ToUnixTimeSeconds(), first["iat"]!.GetValue<long>());
        Assert.Equal(FakeWarehouseData.DataEnd.AddMinutes(150).ToUnixTimeSeconds(), second["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_short_lived_token_is_refreshed_on_the_next_call()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.TokenLifetimeSeconds = 1;
        using var bigQuery = Connect(fake);

        Assert.True(await bigQuery.PingAsync(None));
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        Assert.True(await bigQuery.PingAsync(None));

        Assert.True(fake.TokenClaims.Count >= 2);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_once_and_the_call_goes_through()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);
        await bigQuery.ExecuteAsync($"SELECT 1 AS one FROM {Table("analytics", "users")} LIMIT 1", Context(), None);

        fake.RevokeTokens();
        var result = await bigQuery.ExecuteAsync($"SELECT 1 AS one FROM {Table("analytics", "users")} LIMIT 1", Context(), None);

        Assert.Equal(1L, Assert.Single(result.Rows)["one"]);
        Assert.Equal(2, fake.TokenClaims.Count);
        // The replacement is the credential's token from then on.
        Assert.True(await bigQuery.PingAsync(None));
        Assert.Equal(2, fake.TokenClaims.Count);
        Assert.Equal(fake.IssuedTokens.Single(), fake.Requests[^1].BearerToken);
    }

    [Fact]
    public async Task The_token_endpoint_option_overrides_the_keys_token_uri()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        var nowhere = new Uri($"http://127.0.0.1:{BigQueryFailureTests.ClosedPort()}/token");
        using var bigQuery = Connect(fake, o => o with { ServiceAccountJson = Account.Json(nowhere), TokenEndpoint = fake.TokenUri });

        Assert.True(await bigQuery.PingAsync(None));
        Assert.Single(fake.TokenClaims);
    }

    [Fact]
    public async Task A_token_refused_by_the_token_endpoint_fails_as_permission_denied_without_secrets()
    {
        // The fake verifies assertions with this account's key; the connector signs with another one.
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var impostor = new FakeServiceAccount();
        using var bigQuery = Connect(fake, o => o with { ServiceAccountJson = impostor.Json(fake.TokenUri) });

        var error = await FailsWith(FailureClass.PermissionDenied,
            () => bigQuery.ExecuteAsync($"SELECT 1 AS one FROM {Table("analytics", "users")}", Context(), None));

        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(impostor.PrivateKeyFragment, error.Message, StringComparison.Ordinal);
        BigQueryFailureTests.AssertNoSecrets(fake, error.Message);
        Assert.Empty(fake.RequestsTo(FakeRoute.JobsQuery));
        Assert.False(await bigQuery.PingAsync(None));
    }

    [Fact]
    public async Task A_token_endpoint_outage_is_retried_then_fails_as_transient_network()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.Fail(FakeRoute.Token, FakeFailure.Error(503, "temporarily_unavailable", "Try again later."), times: 10);
        using var bigQuery = Connect(fake);

        await FailsWith(FailureClass.TransientNetwork, () => bigQuery.IntrospectAsync(None));

        Assert.Equal(4, fake.RequestsTo(FakeRoute.Token).Count);
    }

    [Fact]
    public async Task A_key_that_is_not_a_service_account_key_fails_as_permission_denied_without_echoing_it()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        var broken = Account.Json(fake.TokenUri).Replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN NOTHING-----", StringComparison.Ordinal);
        using var bigQuery = Connect(fake, o => o with { ServiceAccountJson = broken });

        var error = await FailsWith(FailureClass.PermissionDenied, () => bigQuery.IntrospectAsync(None));

        BigQueryFailureTests.AssertNoSecrets(fake, error.Message);
        Assert.DoesNotContain("NOTHING", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.RequestsTo(FakeRoute.Token));
    }

    [Fact]
    public async Task Without_a_key_no_credentials_are_sent()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake, o => o with { ServiceAccountJson = null });

        var error = await FailsWith(FailureClass.PermissionDenied, () => bigQuery.IntrospectAsync(None));

        Assert.Contains("(required)", error.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(fake.RequestsTo(FakeRoute.DatasetsList)).BearerToken);
    }
}
