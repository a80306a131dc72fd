using System.Text;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Tenancy;

namespace Autopilot.Tests.Tenancy.Jwt;

/// <summary>
/// One cell of the access matrix: a route of <see cref="RouteTable.All"/>, a caller role (or none), whether the request names
/// the caller's own tenant or another, and the identity mode. The request is built from what the route declares (its tenant
/// source), so a route added to the table is covered without editing the test.
/// </summary>
public sealed record RouteAccessCase(ApiRoute Route, string? Role, bool OwnTenant, AuthMode Mode)
{
    public const string ForeignTenant = "org_mx_foreign";

    /// <summary>Caller roles of the matrix; null is a caller with no identity at all (no headers, no token).</summary>
    public static readonly string?[] Roles = ["admin", "member", "viewer", null];

    /// <summary>
    /// What a schema-valid request needs beyond the tenant, for routes whose schema stage would otherwise answer 422 before the
    /// role check (spec §0.3). A new route with required input fails the matrix with a 422 until it is listed here.
    /// </summary>
    private static readonly Dictionary<string, (string Query, string Body)> Inputs = new(StringComparer.Ordinal)
    {
        [RouteNames.AgentRun] = ("", """{"user_id":"u1","message":"How many orders were placed in the last 30 days?","session_id":"s1"}"""),
        [RouteNames.ChatRun] = ("", """{"user_id":"u1","message":"How many orders were placed in the last 30 days?","session_id":"s1"}"""),
        [RouteNames.RetryWorkflow] = ("&workflow_type=profile", "{}"),
        [RouteNames.ConfirmPiiReview] = ("", "[]"),
        [RouteNames.StartFaultTest] = ("", """{"steps":1,"step_delay_ms":0}"""),
        [RouteNames.RaiseAlert] = ("", """{"dedupe_key":"k1","title":"t","message":"m","severity":"P1"}"""),
        [RouteNames.SetAlertPolicy] = ("", """{"policy":{"P1":5}}"""),
        [RouteNames.SetAlertRouting] = ("", """{"routing":{"channels":[{"type":"slack","target":"flaky://matrix"}]}}"""),
        [RouteNames.CreateFeedback] = ("", """{"user_id":"u1","artifact_id":"chat_1","artifact_version":1,"artifact_type":"chat","feedback_type":"positive"}"""),
        [RouteNames.SetMemoSchedule] = ("", """{"time_zone":"Europe/Berlin","day":"monday","hour":8}"""),
        [RouteNames.SetLlmBudget] = ("", """{"monthly_usd":25,"hard_cap":true}"""),
        [RouteNames.UpsertIntegrationBinding] = ("", """{"binding_type":"slack_user","external_id":"U_MATRIX"}"""),
    };

    /// <summary>Path parameters the schema stage types (an integer id): the default placeholder would be a 422 before the role check.</summary>
    private static readonly Dictionary<string, string> PathValues = new(StringComparer.Ordinal)
    {
        [RouteNames.DeleteIntegrationBinding] = "999999",
    };

    /// <summary>
    /// Webhooks that verify their caller with a signature or secret of their own (Slack, Telegram) and read no identity: no
    /// matrix cell sends one, so every cell is their 401 — without a WWW-Authenticate challenge, as the channels define none.
    /// </summary>
    public static readonly HashSet<string> SignedWebhooks = new(StringComparer.Ordinal) { RouteNames.SlackCommand, RouteNames.SlackEvents, RouteNames.TelegramWebhook };

    public static IEnumerable<RouteAccessCase> For(ApiRoute route) =>
        from mode in new[] { AuthMode.Headers, AuthMode.Jwt }
        from role in Roles
        from own in new[] { true, false }
        select new RouteAccessCase(route, role, own, mode);

    /// <summary>The route's own tenant for this run, so one route's accepted calls cannot change another's.</summary>
    public static string TenantOf(ApiRoute route, string run) => $"org_mx_{run}_{route.Name.ToLowerInvariant()}";

    /// <summary>A route acting on the caller's own tenant names none, so "another tenant" cannot be asked for there.</summary>
    public bool Allowed => !SignedWebhooks.Contains(Route.Name) && (Route.Access == RouteAccess.Public
        || (Role is not null && (OwnTenant || Route.Tenant == TenantSource.Caller) && Rank(Role) >= Required(Route.Access)));

    /// <summary>Status the declaration implies for a refused cell; null for an allowed one (any 2xx/4xx but 401/403).</summary>
    public int? ExpectedRefusal => Allowed ? null : SignedWebhooks.Contains(Route.Name) ? 401 : Role is null ? (Mode == AuthMode.Jwt ? 401 : 400) : 403;

    public HttpRequestMessage Request(string run, TestOpenIdIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var tenant = TenantOf(Route, run);
        var named = OwnTenant ? tenant : ForeignTenant;
        var (extraQuery, rawBody) = Inputs.TryGetValue(Route.Name, out var input) ? input : ("", Route.Method == "POST" ? "{}" : null);
        var query = "?wait_seconds=0" + extraQuery + (Route.Tenant == TenantSource.QueryOrgId ? "&org_id=" + named : "");
        string? body = rawBody;
        if (Route.Tenant is TenantSource.BodyOrgId or TenantSource.BodyOrgIdOrEmpty or TenantSource.BodyOrgIdOrCaller or TenantSource.BodyTenantId)
        {
            var json = JsonNode.Parse(rawBody ?? "{}")!.AsObject();
            json[Route.Tenant == TenantSource.BodyTenantId ? "tenant_id" : "org_id"] = named;
            body = json.ToJsonString();
        }

        var placeholder = PathValues.TryGetValue(Route.Name, out var value) ? value : "x_000000000000";
        var path = "/" + string.Join('/', Route.Template.Split('/').Select(s => s.StartsWith('{') ? placeholder : s));
        var request = new HttpRequestMessage(new HttpMethod(Route.Method), path + query);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (Role is not null && Mode == AuthMode.Headers)
        {
            request.Headers.Add(RequestIdentity.TenantHeader, tenant);
            request.Headers.Add(RequestIdentity.RoleHeader, Role);
        }
        else if (Role is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issuer.Token(tenant, [Role], TimeProvider.System.GetUtcNow()));
        }

        return request;
    }

    public override string ToString() =>
        $"{Route.Name} ({Route.Access}) {Mode.ToString().ToLowerInvariant()} role={Role ?? "none"} {(OwnTenant ? "own" : "foreign")} tenant";

    private static int Rank(string role) => role switch { "admin" => 2, "member" => 1, _ => 0 };

    private static int Required(RouteAccess access) => access switch { RouteAccess.Admin => 2, RouteAccess.Member => 1, _ => 0 };
}
