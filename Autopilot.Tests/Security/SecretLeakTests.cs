using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Warehouse.BigQuery;
using Autopilot.Tests.Warehouse.BigQuery.Fake;
using Xunit.Abstractions;

namespace Autopilot.Tests.Security;

/// <summary>
/// Plants recognisable service-account keys, drives the server through connect, profile, preview and run and through
/// failing cases (bad key file, unknown key, BigQuery auth failure), and looks for the keys in everything the service
/// let out: every log line at Trace (the server's console logger provider, all categories, captured from the process),
/// every response body, every audit row.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class SecretLeakTests
{
    private readonly ITestOutputHelper _output;

    public SecretLeakTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Planted_service_account_keys_appear_in_no_log_response_or_audit_row()
    {
        using var account = new FakeServiceAccount();
        using var stranger = new FakeServiceAccount();
        using var serviceWide = new FakeServiceAccount();
        await using var fake = await FakeBigQueryServer.StartAsync(account.Key);
        var hub = TestEnvironment.NewHubName("leak");
        var tenant = "org_leak_" + Guid.NewGuid().ToString("N")[..8];
        var garbageMarker = "LEAKMARKER" + Guid.NewGuid().ToString("N");
        // A run of letters and digits from each private key: found whatever JSON escaping a writer applies to '+' and '/'.
        // The service's own secrets too: the credential encryption key and a service-wide key file.
        var encryptionKeyRun = System.Text.RegularExpressions.Regex.Matches(ServerProcess.SharedKey, "[A-Za-z0-9]+").Select(m => m.Value).MaxBy(r => r.Length)!;
        var markers = new[] { Marker(account.PrivateKeyPem), Marker(stranger.PrivateKeyPem), Marker(serviceWide.PrivateKeyPem), garbageMarker, ServerProcess.SharedKey }
            .Concat(encryptionKeyRun.Length >= 10 ? [encryptionKeyRun] : Array.Empty<string>())
            .ToArray();
        var goodKey = JsonNode.Parse(account.Json(fake.TokenUri))!;
        var unknownKey = JsonNode.Parse(stranger.Json(fake.TokenUri))!;
        var garbageKey = goodKey.DeepClone();
        garbageKey["private_key"] = $"-----BEGIN PRIVATE KEY-----\n{garbageMarker}\n-----END PRIVATE KEY-----\n";

        await using var server = new ServerProcess(hub, SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["BIGQUERY_PROJECT_ID"] = FakeBigQueryServer.Project,
            ["BIGQUERY_ENDPOINT"] = fake.BaseUri.ToString(),
            ["ALLOW_REAL_QUERY_EXECUTION"] = "true",
            ["BIGQUERY_SERVICE_ACCOUNT_JSON"] = serviceWide.Json(fake.TokenUri),
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Autopilot"] = "Trace",
            ["Logging__LogLevel__Microsoft"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__DurableTask.AzureStorage"] = "Trace",
            ["Logging__LogLevel__DurableTask.Core"] = "Trace",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Trace",
        });
        await server.StartAsync();
        using var http = server.CreateClient();
        var bodies = new List<(string Step, int Status, string Body)>();

        async Task<JsonNode?> Send(string step, HttpMethod method, string path, string role, JsonObject? body = null)
        {
            using var request = ApiCalls.Request(method, path, tenant, role, body?.ToJsonString());
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            bodies.Add((step, (int)response.StatusCode, text));
            return text.StartsWith('{') ? JsonNode.Parse(text) : null;
        }

        JsonObject Connect(JsonNode? key) => new() { ["org_id"] = tenant, ["service_account_json"] = key };
        JsonObject Sql(string sql) => new() { ["org_id"] = tenant, ["sql"] = sql };

        // Failing connects: the key file as a JSON string, a private key that is not one, a key BigQuery does not know.
        await Send("connect-as-string", HttpMethod.Post, "api/v1/connectors/bigquery", "admin", Connect(JsonValue.Create(goodKey.ToJsonString())));
        await Send("connect-garbage-key", HttpMethod.Post, "api/v1/connectors/bigquery", "admin", Connect(garbageKey));
        await Send("connect-unknown-key", HttpMethod.Post, "api/v1/connectors/bigquery", "admin", Connect(unknownKey));

        // The working path.
        await Send("connect", HttpMethod.Post, "api/v1/connectors/bigquery", "admin", Connect(goodKey.DeepClone()));
        await Send("profile", HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", "member");
        var preview = await Send("preview", HttpMethod.Post, "api/v1/queries/preview", "member", Sql("SELECT country, COUNT(*) AS n FROM analytics.users GROUP BY country"));
        await Send("approve-run", HttpMethod.Post, "api/v1/queries/approve-run", "member",
            new JsonObject { ["org_id"] = tenant, ["preview_id"] = preview?["preview_id"]?.GetValue<string>() ?? "none" });

        // BigQuery stops accepting the account: tokens revoked and the token endpoint refuses the key.
        fake.RevokeTokens();
        fake.Fail(FakeRoute.Token, FakeFailure.Error(400, "invalid_grant", "Invalid JWT Signature."), times: 100);
        await Send("preview-auth-failure", HttpMethod.Post, "api/v1/queries/preview", "member", Sql("SELECT country FROM analytics.users"));
        var failedProfile = await Send("profile-auth-failure", HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", "member");
        if (failedProfile?["workflow_id"]?.GetValue<string>() is { } workflowId)
        {
            await Send("status", HttpMethod.Get, $"api/v1/workflows/{workflowId}/status?org_id={tenant}", "member");
        }

        await Send("runs", HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}", "member");
        await Send("dead-letters", HttpMethod.Get, $"api/v1/workflows/dead-letters?org_id={tenant}", "member");
        await Send("disconnect", HttpMethod.Post, $"api/v1/connectors/conn_{tenant}/disconnect?org_id={tenant}", "admin");

        var store = new StorageFactory(hub);
        var audit = (await store.Audit.ListAsync(tenant, null, 1000, CancellationToken.None))
            .Concat(await store.Audit.ListAsync("unknown", null, 1000, CancellationToken.None))
            .Select(e => $"{e.EventType} {e.Payload.ToJsonString()}")
            .ToList();
        await Task.Delay(500); // the console logger writes on its own thread
        var logs = server.Output;
        foreach (var (step, status, body) in bodies)
        {
            _output.WriteLine($"{step}: {status} {body[..Math.Min(body.Length, 300)]}");
        }

        _output.WriteLine($"captured {logs.Length} log characters, {bodies.Count} responses, {audit.Count} audit rows");

        // The flow really ran, the failures really failed, and the capture really holds Trace output.
        Assert.Equal(422, Status("connect-as-string"));
        Assert.Equal(502, Status("connect-garbage-key")); // the connection test fails before anything is stored
        Assert.Equal(502, Status("connect-unknown-key"));
        Assert.Equal(200, Status("connect"));
        Assert.Equal(200, Status("approve-run"));
        Assert.Equal(502, Status("preview-auth-failure"));
        Assert.DoesNotContain(bodies, b => b.Status >= 500 && b.Status != 502);
        Assert.Contains("trce:", logs, StringComparison.Ordinal);
        Assert.True(audit.Count >= 5, $"{audit.Count} audit rows");
        Assert.All(markers.Take(4), m => Assert.Contains(m, goodKey.ToJsonString() + unknownKey.ToJsonString() + serviceWide.Json(fake.TokenUri) + garbageKey.ToJsonString(), StringComparison.Ordinal));

        foreach (var marker in markers)
        {
            Assert.False(logs.Contains(marker, StringComparison.Ordinal), $"a planted key is in the logs:{Environment.NewLine}{Around(logs, marker)}");
            Assert.DoesNotContain(bodies, b => b.Body.Contains(marker, StringComparison.Ordinal));
            Assert.DoesNotContain(audit, row => row.Contains(marker, StringComparison.Ordinal));
        }

        int Status(string step) => bodies.Single(b => b.Step == step).Status;
    }

    private static string Marker(string pem)
    {
        var runs = pem.Split('\n')
            .Where(line => !line.StartsWith("-----", StringComparison.Ordinal))
            .SelectMany(line => System.Text.RegularExpressions.Regex.Matches(line, "[A-Za-z0-9]+").Select(m => m.Value));
        var longest = runs.MaxBy(r => r.Length)!;
        Assert.True(longest.Length >= 16, $"no distinctive run in the key: {longest.Length} characters");
        return longest;
    }

    private static string Around(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? string.Empty : text[Math.Max(0, at - 600)..Math.Min(text.Length, at + 200)];
    }
}
