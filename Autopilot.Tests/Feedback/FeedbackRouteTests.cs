using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Feedback;

/// <summary>
/// The feedback routes (spec §10, FB-1..5) on the server over HTTP: recording on versions that exist, the summaries'
/// counts, review filters and resolving — all inside the caller's tenant.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FeedbackRouteTests(ServerFixture fixture)
{
    [Fact]
    public async Task Feedback_counts_per_artifact_type_and_lists_disliked_prompts_most_frequent_first()
    {
        var tenant = NewTenant();
        var (artifactId, _) = await PublishAsync(tenant, ArtifactTypes.Memo, versions: 1);
        await CreateAsync(tenant, "viewer", Body(tenant, artifactId, 1, "memo", "positive"));
        await CreateAsync(tenant, "viewer", Body(tenant, artifactId, 1, "memo", "negative", promptHash: "p_b"));
        await CreateAsync(tenant, "member", Body(tenant, artifactId, 1, "memo", "negative", promptHash: "p_a"));
        await CreateAsync(tenant, "member", Body(tenant, artifactId, 1, "memo", "negative", promptHash: "p_a"));
        await CreateAsync(tenant, "member", Body(tenant, "chat_1", 1, "chat", "negative"));

        var (status, summary) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/feedback/summary?org_id={tenant}", tenant, "viewer");

        Assert.Equal(200, status);
        Assert.Equal(tenant, summary!["tenant_id"]!.GetValue<string>());
        Assert.Equal("""{"chat":{"positive":0,"negative":1},"memo":{"positive":1,"negative":3}}""", summary["artifact_feedback"]!.ToJsonString());
        Assert.Equal("""[{"prompt_hash":"p_a","count":2},{"prompt_hash":"p_b","count":1}]""", summary["negative_prompt_hashes"]!.ToJsonString());
    }

    [Fact]
    public async Task Feedback_on_a_stored_artifact_needs_a_version_of_that_type_in_the_callers_tenant()
    {
        var tenant = NewTenant();
        var other = NewTenant();
        var (artifactId, _) = await PublishAsync(tenant, ArtifactTypes.Dashboard, versions: 2);

        Assert.Equal(200, await StatusOfAsync(tenant, Body(tenant, artifactId, 2, "dashboard", "positive")));
        Assert.Equal(404, await StatusOfAsync(tenant, Body(tenant, artifactId, 3, "dashboard", "positive")));
        Assert.Equal(404, await StatusOfAsync(tenant, Body(tenant, "art_000000000000", 1, "dashboard", "positive")));
        Assert.Equal(422, await StatusOfAsync(tenant, Body(tenant, artifactId, 1, "memo", "positive")));
        // Another tenant naming this artifact finds nothing, and cannot write into this tenant by naming it.
        Assert.Equal(404, await StatusOfAsync(other, Body(other, artifactId, 1, "dashboard", "positive")));
        Assert.Equal(403, await StatusOfAsync(other, Body(tenant, artifactId, 1, "dashboard", "positive")));
    }

    [Theory]
    [InlineData("""{"user_id":"u","artifact_id":"a","artifact_version":1,"artifact_type":"chat"}""", "feedback_type")]
    [InlineData("""{"user_id":"u","artifact_id":"a","artifact_version":1,"artifact_type":"chat","feedback_type":"meh"}""", "feedback_type")]
    [InlineData("""{"user_id":"u","artifact_id":"a","artifact_version":"one","artifact_type":"chat","feedback_type":"positive"}""", "artifact_version")]
    [InlineData("""{"user_id":"u","artifact_id":"a","artifact_version":0,"artifact_type":"chat","feedback_type":"positive"}""", "artifact_version")]
    [InlineData("""{"artifact_id":"a","artifact_version":1,"artifact_type":"chat","feedback_type":"positive"}""", "user_id")]
    [InlineData("""{"user_id":"u","artifact_id":"a","artifact_version":1,"artifact_type":"chat","feedback_type":"positive","conversation_context":[1]}""", "conversation_context")]
    public async Task A_malformed_feedback_body_is_a_422_naming_the_field_and_stores_nothing(string partial, string field)
    {
        var tenant = NewTenant();
        var body = JsonNode.Parse(partial)!.AsObject();
        body["tenant_id"] = tenant;

        var (status, answer) = await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/feedback", tenant, "member", body.ToJsonString());

        Assert.Equal(422, status);
        Assert.Contains(field, answer!["detail"]!.ToJsonString(), StringComparison.Ordinal);
        var (_, review) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/feedback/review?org_id={tenant}", tenant, "admin");
        Assert.Equal(0, review!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Provider_summary_rates_satisfaction_per_provider_and_task_and_review_filters_by_state_and_provider()
    {
        var tenant = NewTenant();
        await CreateAsync(tenant, "member", Body(tenant, "c1", 1, "chat", "positive", provider: "openai"));
        await CreateAsync(tenant, "member", Body(tenant, "c2", 1, "chat", "positive", provider: "openai"));
        var disliked = await CreateAsync(tenant, "member", Body(tenant, "c3", 1, "chat", "negative", provider: "openai"));
        await CreateAsync(tenant, "member", Body(tenant, "c4", 1, "agent", "negative"));

        var (_, providers) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/feedback/provider-summary?org_id={tenant}", tenant, "member");
        var (_, resolved) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/feedback/{disliked}/resolve", tenant, "admin", """{"resolved_by":"dana"}""");
        var (_, open) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/feedback/review?org_id={tenant}&status=unresolved", tenant, "admin");
        var (_, done) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/feedback/review?org_id={tenant}&status=resolved&provider=openai", tenant, "admin");

        Assert.Equal("""{"openai":{"positive":2,"negative":1,"satisfaction_rate":0.6667}}""", providers!["by_provider"]!.ToJsonString());
        Assert.Equal("""{"agent":{"positive":0,"negative":1,"satisfaction_rate":0},"chat":{"positive":2,"negative":1,"satisfaction_rate":0.6667}}""", providers["by_task"]!.ToJsonString());
        Assert.True(resolved!["resolved"]!.GetValue<bool>());
        Assert.Equal(3, open!["count"]!.GetValue<int>());
        Assert.DoesNotContain(open["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == disliked);
        var item = Assert.Single(done!["items"]!.AsArray());
        Assert.Equal(disliked, item!["id"]!.GetValue<string>());
        Assert.Equal("dana", item["resolved_by"]!.GetValue<string>());
        Assert.Null(item["conversation_context"]);
    }

    [Fact]
    public async Task Resolving_is_scoped_to_the_callers_tenant_unlike_the_seed()
    {
        var tenant = NewTenant();
        var other = NewTenant();
        var id = await CreateAsync(tenant, "member", Body(tenant, "c1", 1, "chat", "negative"));

        var (foreign, _) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/feedback/{id}/resolve", other, "admin", "{}");
        var (byMember, _) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/feedback/{id}/resolve", tenant, "member", "{}");
        var (own, body) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/feedback/{id}/resolve", tenant, "admin", "{}");
        var (_, review) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/feedback/review?org_id={tenant}", tenant, "admin");

        Assert.Equal(404, foreign);
        Assert.Equal(403, byMember);
        Assert.Equal(200, own);
        Assert.Equal(id, body!["id"]!.GetValue<string>());
        Assert.Equal("admin", review!["items"]![0]!["resolved_by"]!.GetValue<string>());
    }

    private static string NewTenant() => "org_fb" + Guid.NewGuid().ToString("N")[..8];

    private static string Body(string tenant, string artifactId, int version, string type, string feedback, string? promptHash = null, string? provider = null) =>
        new JsonObject
        {
            ["tenant_id"] = tenant,
            ["user_id"] = "u1",
            ["artifact_id"] = artifactId,
            ["artifact_version"] = version,
            ["artifact_type"] = type,
            ["feedback_type"] = feedback,
            ["prompt_hash"] = promptHash,
            ["provider"] = provider,
            ["conversation_context"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "why?" }),
        }.ToJsonString();

    private async Task<string> CreateAsync(string tenant, string role, string body)
    {
        var (status, answer) = await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/feedback", tenant, role, body);
        Assert.True(status == 200, answer?.ToJsonString());
        Assert.StartsWith("fb_", answer!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        return answer["id"]!.GetValue<string>();
    }

    private async Task<int> StatusOfAsync(string tenant, string body) =>
        (await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/feedback", tenant, "member", body)).Status;

    private async Task<(string ArtifactId, int Version)> PublishAsync(string tenant, string type, int versions)
    {
        var store = new StorageFactory(fixture.Server.TaskHub).Artifacts;
        ArtifactVersion published = null!;
        for (var build = 1; build <= versions; build++)
        {
            published = await store.PublishAsync(tenant, new ArtifactDraft(type, "weekly", $"build-{build}", new JsonObject { ["n"] = build }, [], []), CancellationToken.None);
        }

        return (published.ArtifactId, published.Version);
    }
}
