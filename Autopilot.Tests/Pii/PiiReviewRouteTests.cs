using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Pii;

/// <summary>PII review over HTTP (spec §7): tiers, confirm, and decisions that survive a re-profile.</summary>
public sealed class PiiReviewRouteTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public PiiReviewRouteTests(ServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task Review_lists_value_matched_columns_as_high_and_name_only_as_needing_review_and_decisions_persist_across_profiles()
    {
        var tenant = "org_pii_" + Guid.NewGuid().ToString("N")[..8];
        await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");

        var (status, review) = await Http.SendAsync(HttpMethod.Get, $"api/v1/pii/review?org_id={tenant}", tenant, "member");
        Assert.Equal(200, status);
        var high = review!["auto_tagged_high_confidence"]!.AsArray().Select(i => i!["column"]!.GetValue<string>()).ToList();
        var low = review["needs_review_low_confidence"]!.AsArray().Select(i => i!["column"]!.GetValue<string>()).ToList();
        Assert.Equal(["contact_number", "email"], high.Order());
        Assert.Contains("email_opt_in", low);
        Assert.All(review["auto_tagged_high_confidence"]!.AsArray(), i => Assert.True(i!["is_pii"]!.GetValue<bool>()));

        var (confirmStatus, confirmed) = await Http.SendAsync(HttpMethod.Post, $"api/v1/pii/review/confirm?org_id={tenant}", tenant, "member",
            """[{"dataset":"analytics","table":"users","column":"email_opt_in","is_pii":false},{"dataset":"analytics","table":"users","column":"contact_number"},{"dataset":"analytics","table":"nope","column":"x","is_pii":true}]""");
        Assert.Equal(200, confirmStatus);
        Assert.Equal(2, confirmed!["updated"]!.GetValue<int>());

        await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        var (_, after) = await Http.SendAsync(HttpMethod.Get, $"api/v1/pii/review?org_id={tenant}", tenant, "member");

        Assert.DoesNotContain(after!["needs_review_low_confidence"]!.AsArray(), i => i!["column"]!.GetValue<string>() == "email_opt_in");
        var contact = Assert.Single(after["auto_tagged_high_confidence"]!.AsArray(), i => i!["column"]!.GetValue<string>() == "contact_number")!;
        Assert.False(contact["is_pii"]!.GetValue<bool>()); // the person's "not PII" outlived the re-profile
        Assert.Contains(after["reviewed"]!.AsArray(), i => i!["column"]!.GetValue<string>() == "email_opt_in");
        var audit = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync(tenant, "pii_review_confirmed", 10, CancellationToken.None);
        Assert.Equal(2, Assert.Single(audit).Payload["updated"]!.GetValue<int>());
    }

    [Fact]
    public async Task Confirm_needs_a_json_array_and_review_needs_member_or_admin()
    {
        var tenant = "org_pii2_" + Guid.NewGuid().ToString("N")[..8];
        var (objectStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/pii/review/confirm?org_id={tenant}", tenant, "member", """{"dataset":"a"}""");
        var (viewerStatus, _) = await Http.SendAsync(HttpMethod.Get, $"api/v1/pii/review?org_id={tenant}", tenant, "viewer");
        var (emptyStatus, empty) = await Http.SendAsync(HttpMethod.Get, $"api/v1/pii/review?org_id={tenant}", tenant, "admin");

        Assert.Equal(422, objectStatus);
        Assert.Equal(403, viewerStatus);
        Assert.Equal(200, emptyStatus);
        Assert.Empty(empty!["auto_tagged_high_confidence"]!.AsArray());
    }
}
