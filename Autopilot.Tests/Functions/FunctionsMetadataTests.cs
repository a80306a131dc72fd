using System.Reflection;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Functions;
using Microsoft.Azure.Functions.Worker;

namespace Autopilot.Tests.Functions;

/// <summary>
/// What the Functions host will load, read from the files the build generated (<c>functions.metadata</c>,
/// <c>extensions.json</c>, <c>worker.config.json</c>, <c>.azurefunctions/</c>) rather than from our own attributes: the
/// host cannot be installed here, so this is the closest honest check that a deployment would serve every route, run
/// every task and fire every schedule. The expected sets come from the route table, the workflow catalog and the timer
/// methods, so new members are covered without editing this test.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string Output = AppContext.BaseDirectory;

    private static readonly Lazy<JsonArray> Metadata = new(() => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")))!.AsArray());

    [Fact]
    public void Every_route_of_the_route_table_is_an_anonymous_http_trigger_with_its_route_and_method()
    {
        foreach (var route in RouteTable.All)
        {
            var function = Function(route.Name);
            var trigger = Binding(function, "httpTrigger");
            Assert.Equal(route.Template.TrimStart('/'), trigger["route"]!.GetValue<string>());
            Assert.Equal([route.Method.ToLowerInvariant()], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.Equal("Anonymous", trigger["authLevel"]!.GetValue<string>());
            Assert.Equal("Out", Binding(function, "http")["direction"]!.GetValue<string>());
        }

        Assert.Equal(RouteTable.All.Count, Functions("httpTrigger").Count());
    }

    [Fact]
    public void Every_orchestrator_and_activity_of_the_engine_catalog_has_its_trigger()
    {
        var orchestrators = WorkflowCatalog.OrchestratorsFor(enableTestWorkflows: true).Select(WorkflowCatalog.NameOf).ToList();
        var activities = WorkflowCatalog.ActivitiesFor(enableTestWorkflows: true).Select(WorkflowCatalog.NameOf).ToList();

        Assert.All(orchestrators, name => Binding(Function(name), "orchestrationTrigger"));
        Assert.All(activities, name => Binding(Function(name), "activityTrigger"));
        Assert.Equal(orchestrators.Order(StringComparer.Ordinal), Functions("orchestrationTrigger").Order(StringComparer.Ordinal));
        Assert.Equal(activities.Order(StringComparer.Ordinal), Functions("activityTrigger").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_schedule_has_its_timer_trigger_on_the_app_setting_it_documents()
    {
        var timers = typeof(TimerFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()?.Name, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).SingleOrDefault(a => a is not null)))
            .Where(t => t.Trigger is not null)
            .ToList();
        var readme = File.ReadAllText(Path.Combine(Infrastructure.TestEnvironment.RepoRoot, "README.md"));

        Assert.NotEmpty(timers);
        foreach (var (name, trigger) in timers)
        {
            var schedule = Binding(Function(name!), "timerTrigger")["schedule"]!.GetValue<string>();
            Assert.Equal(trigger!.Schedule, schedule);
            // An app-setting expression the host resolves at start; the setting is one an operator can find documented.
            Assert.Matches("^%[A-Z_]+%$", schedule);
            Assert.Contains($"`{schedule.Trim('%')}`", readme, StringComparison.Ordinal);
        }

        Assert.Equal(timers.Count, Functions("timerTrigger").Count());
    }

    [Fact]
    public void The_worker_config_points_at_the_app_and_the_durable_extension_is_listed_with_its_assembly_present()
    {
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "worker.config.json")))!["description"]!;
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "extensions.json")))!["extensions"]!.AsArray();

        Assert.Equal("dotnet-isolated", worker["language"]!.GetValue<string>());
        Assert.Equal("Autopilot.Functions.dll", worker["defaultWorkerPath"]!.GetValue<string>());
        Assert.Equal("true", worker["workerIndexing"]!.GetValue<string>());
        var durable = Assert.Single(extensions, e => e!["name"]!.GetValue<string>() == "DurableTask")!;
        var hint = durable["hintPath"]!.GetValue<string>();
        Assert.True(File.Exists(Path.Combine(Output, hint)), $"the durable extension's assembly {hint} is not in the build output");
        Assert.All(Metadata.Value, f => Assert.Equal("Autopilot.Functions.dll", f!["scriptFile"]!.GetValue<string>()));
    }

    private static JsonObject Function(string name) =>
        Assert.Single(Metadata.Value, f => f!["name"]!.GetValue<string>() == name)!.AsObject();

    private static JsonObject Binding(JsonObject function, string type) =>
        Assert.Single(function["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == type)!.AsObject();

    private static IEnumerable<string> Functions(string triggerType) =>
        Metadata.Value
            .Where(f => f!["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == triggerType))
            .Select(f => f!["name"]!.GetValue<string>());
}
