using Autopilot.Core.Memos;
using Autopilot.Core.Tenants;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Workflows;

namespace Autopilot.Tests.Memos;

/// <summary><c>GET/POST /api/v1/memos/schedule</c>: the weekly timer's per-tenant day, hour and IANA timezone.</summary>
public sealed class MemoScheduleRouteTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public MemoScheduleRouteTests(WorkflowServerFixture fixture) => _fixture = fixture;

    /// <summary>Each bad body and the field its 422 must name.</summary>
    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"time_zone":"Mars/Olympus_Mons","day":"monday","hour":8}""", "time_zone" },
        { """{"time_zone":"W. Europe Standard Time","day":"monday","hour":8}""", "time_zone" },
        { """{"day":"monday","hour":8}""", "time_zone" },
        { """{"time_zone":"Europe/Berlin","day":"mon","hour":8}""", "day" },
        { """{"time_zone":"Europe/Berlin","day":"someday","hour":8}""", "day" },
        { """{"time_zone":"Europe/Berlin","hour":8}""", "day" },
        { """{"time_zone":"Europe/Berlin","day":"monday","hour":24}""", "hour" },
        { """{"time_zone":"Europe/Berlin","day":"monday","hour":-1}""", "hour" },
        { """{"time_zone":"Europe/Berlin","day":"monday","hour":"8"}""", "hour" },
        { """{"time_zone":"Europe/Berlin","day":"monday"}""", "hour" },
    };

    [Fact]
    public async Task A_tenant_without_its_own_schedule_reads_the_default_and_an_admin_sets_its_own()
    {
        var tenant = FaultTests.NewTenant("sched");
        var (viewerStatus, _) = await _fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/schedule?org_id={tenant}", tenant, "viewer");
        var (defaultStatus, before) = await _fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/schedule?org_id={tenant}", tenant, "member");
        var (memberStatus, _) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/memos/schedule?org_id={tenant}", tenant, "member",
            """{"time_zone":"America/New_York","day":"Friday","hour":17}""");
        var (setStatus, set) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/memos/schedule?org_id={tenant}", tenant, "admin",
            """{"time_zone":"America/New_York","day":"Friday","hour":17}""");
        var (_, after) = await _fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/schedule?org_id={tenant}", tenant, "member");
        var (_, other) = await _fixture.Http.SendAsync(HttpMethod.Get, "api/v1/memos/schedule?org_id=org_sched_untouched", "org_sched_untouched", "member");

        Assert.Equal((403, 200, 403, 200), (viewerStatus, defaultStatus, memberStatus, setStatus));
        Assert.Equal(("UTC", "monday", 8, true), Read(before!));
        Assert.Equal(("America/New_York", "friday", 17, false), Read(set!));
        Assert.Equal(("America/New_York", "friday", 17, false), Read(after!));
        Assert.Equal(("UTC", "monday", 8, true), Read(other!));

        // What the weekly timer reads back is the typed schedule that was set.
        var stored = await new MemoScheduleStore(new TenantSettingsStore(_fixture.Storage.Tables)).GetAsync(tenant, CancellationToken.None);
        Assert.Equal((new MemoSchedule("America/New_York", DayOfWeek.Friday, 17), false), stored);
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_schedule_is_a_422_naming_the_field_and_changes_nothing(string body, string field)
    {
        var tenant = FaultTests.NewTenant("sched");
        var (status, answer) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/memos/schedule?org_id={tenant}", tenant, "admin", body);
        var (_, after) = await _fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/schedule?org_id={tenant}", tenant, "admin");

        Assert.Equal(422, status);
        Assert.Equal(field, answer!["detail"]![0]!["loc"]![1]!.GetValue<string>());
        Assert.True(after!["defaults"]!.GetValue<bool>());
    }

    private static (string, string, int, bool) Read(System.Text.Json.Nodes.JsonNode body) =>
        (body["time_zone"]!.GetValue<string>(), body["day"]!.GetValue<string>(), body["hour"]!.GetValue<int>(), body["defaults"]!.GetValue<bool>());
}
