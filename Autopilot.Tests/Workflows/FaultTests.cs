using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Workflows;

/// <summary>Starting and inspecting the fault-injection workflow over HTTP.</summary>
internal static class FaultTests
{
    public static string NewTenant(string purpose) => $"org_{purpose}_{Guid.NewGuid():N}"[..24];

    public static string Body(int steps, int delayMs, string? faults = null) =>
        $$"""{"steps":{{steps}},"step_delay_ms":{{delayMs}},"faults":{{faults ?? "{}"}}}""";

    public static string Fault(string step, string failure, int times) => $$$"""{"{{{step}}}":{"failure":"{{{failure}}}","times":{{{times}}}}}""";

    public static Task<(int Status, JsonNode? Body)> StartAsync(HttpClient http, string tenant, string body, double waitSeconds = 30) =>
        http.SendAsync(HttpMethod.Post, $"api/v1/workflows/fault-test?org_id={tenant}&wait_seconds={waitSeconds}", tenant, "member", body);

    public static Dictionary<string, int> Attempts(JsonNode run) =>
        run["steps"]!.AsArray().ToDictionary(s => s!["step"]!.GetValue<string>(), s => s!["attempts"]!.GetValue<int>());
}
