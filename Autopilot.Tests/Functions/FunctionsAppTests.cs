using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Core.Profiling;
using Autopilot.Functions;
using Autopilot.Server.Engine;
using Autopilot.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Autopilot.Tests.Functions;

/// <summary>
/// Azure Functions Core Tools cannot run here, so the Functions app is checked by reflection against the one route
/// table and the one workflow catalog, and host.json against the self-hosted engine's tuning.
/// </summary>
public sealed class FunctionsAppTests
{
    private static readonly Assembly FunctionsAssembly = typeof(HttpFunctions).Assembly;

    [Fact]
    public void Function_http_routes_equal_the_server_route_table()
    {
        var functions = FunctionMethods()
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .ToList();

        var declared = functions
            .SelectMany(f => (f.Trigger!.Methods ?? []).Select(verb => (Verb: verb.ToUpperInvariant(), Template: f.Trigger.Route ?? string.Empty)))
            .ToList();
        var expected = RouteTable.All.Select(r => (Verb: r.Method, r.Template)).ToList();

        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(expected.Order(), declared.Order());
        foreach (var (method, trigger) in functions)
        {
            var verb = Assert.Single(trigger!.Methods!).ToUpperInvariant();
            var route = Assert.Single(RouteTable.All, r => r.Method == verb && r.Template == trigger.Route);
            Assert.Equal(route.Name, FunctionName(method));
            Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
            Assert.True(typeof(Microsoft.AspNetCore.Mvc.IActionResult).IsAssignableFrom(TaskResult(method)), $"{route.Name} must return an IActionResult");
        }
    }

    [Fact]
    public void Every_orchestrator_and_activity_has_a_function_adapter()
    {
        var orchestrations = TriggeredBy<OrchestrationTriggerAttribute>();
        var activities = TriggeredBy<ActivityTriggerAttribute>();

        // Functions' metadata is generated at build time: the test workflow's adapters are listed, and refuse to run without the flag.
        foreach (var type in WorkflowCatalog.OrchestratorsFor(enableTestWorkflows: true))
        {
            var (input, output) = GenericArguments(type, typeof(TaskOrchestrator<,>));
            var name = WorkflowCatalog.NameOf(type);
            Assert.True(orchestrations.TryGetValue(name, out var adapter), $"no [Function(\"{name}\")] orchestration adapter");
            Assert.Equal(typeof(TaskOrchestrationContext), adapter.Trigger.ParameterType);
            Assert.Equal(output, TaskResult(adapter.Method));
            Assert.Equal(input, InputTypeReadBy(adapter.Method));
        }

        foreach (var type in WorkflowCatalog.ActivitiesFor(enableTestWorkflows: true))
        {
            var (input, output) = GenericArguments(type, typeof(TaskActivity<,>));
            var name = WorkflowCatalog.NameOf(type);
            Assert.True(activities.TryGetValue(name, out var adapter), $"no [Function(\"{name}\")] activity adapter");
            Assert.Equal(input, adapter.Trigger.ParameterType);
            Assert.Equal(output, TaskResult(adapter.Method));
        }

        Assert.Equal(WorkflowCatalog.OrchestratorsFor(true).Select(WorkflowCatalog.NameOf).Order(StringComparer.Ordinal), orchestrations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(WorkflowCatalog.ActivitiesFor(true).Select(WorkflowCatalog.NameOf).Order(StringComparer.Ordinal), activities.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Test_workflow_adapters_refuse_to_run_without_the_test_flag_and_production_adapters_never_check_it()
    {
        var orchestrations = TriggeredBy<OrchestrationTriggerAttribute>();
        var activities = TriggeredBy<ActivityTriggerAttribute>();
        var off = ServicesFunctionContext.WithTestWorkflows(enabled: false);

        foreach (var type in WorkflowCatalog.TestOrchestrators)
        {
            var adapter = orchestrations[WorkflowCatalog.NameOf(type)].Method;
            var error = Record.Exception(() => adapter.Invoke(null, [new InputProbeContext(), off]));
            var refusal = Assert.IsType<InvalidOperationException>(Assert.IsType<TargetInvocationException>(error).InnerException);
            Assert.Contains("AUTOPILOT_ENABLE_TEST_WORKFLOWS", refusal.Message, StringComparison.Ordinal);
        }

        foreach (var type in WorkflowCatalog.TestActivities)
        {
            var adapter = activities[WorkflowCatalog.NameOf(type)].Method;
            var error = Record.Exception(() => adapter.Invoke(null, [null, "wf_test", off]));
            var refusal = Assert.IsType<InvalidOperationException>(Assert.IsType<TargetInvocationException>(error).InnerException);
            Assert.Contains("AUTOPILOT_ENABLE_TEST_WORKFLOWS", refusal.Message, StringComparison.Ordinal);
        }

        // Production orchestrations read their input whatever the flag says (the probe stops them there).
        foreach (var type in WorkflowCatalog.Orchestrators)
        {
            Assert.NotNull(InputTypeReadBy(orchestrations[WorkflowCatalog.NameOf(type)].Method, off));
        }
    }

    [Fact]
    public void Durable_data_converter_uses_the_one_json_options()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["AUTOPILOT_ENCRYPTION_KEY"] = TestEnvironment.NewEncryptionKey(),
            })
            .Build();
        FunctionsServices.Add(services, configuration);
        new DurableTaskExtensionStartup().Configure(new ApplicationBuilder(services));
        using var provider = services.BuildServiceProvider();

        var converter = provider.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;
        var input = new ProfileRunInput(new Autopilot.Core.Admission.WorkflowTicket("t1", "w1", "profile", false, 1), "c1", true, false);
        var json = converter.Serialize(input)!;

        Assert.Equal(JsonSerializer.Serialize(input, AutopilotJson.Options), json);
        Assert.Contains("\"tenant_id\":\"t1\"", json, StringComparison.Ordinal);
        Assert.Equal(input, converter.Deserialize<ProfileRunInput>(json));
    }

    [Fact]
    public void Host_json_uses_the_task_hub_setting_and_the_server_tuning()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "host.json")))!;
        var durable = host["extensions"]!["durableTask"]!;
        var storage = durable["storageProvider"]!;
        var engine = new EngineOptions { StorageConnectionString = "x" };

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal(string.Empty, (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.Equal("%TASKHUB_NAME%", (string?)durable["hubName"]);
        Assert.Equal("AzureStorage", (string?)storage["type"]);
        Assert.Equal("AzureWebJobsStorage", (string?)storage["connectionName"]);
        Assert.Equal(engine.PartitionCount, (int)storage["partitionCount"]!);
        Assert.Equal(engine.WorkItemVisibilityTimeout, Span(storage["workItemQueueVisibilityTimeout"]));
        Assert.Equal(engine.ControlQueueVisibilityTimeout, Span(storage["controlQueueVisibilityTimeout"]));
        Assert.Equal(engine.MaxQueuePollingInterval, Span(storage["maxQueuePollingInterval"]));
        Assert.Equal(engine.MaxConcurrentActivities, (int)durable["maxConcurrentActivityFunctions"]!);
        Assert.Equal(engine.MaxConcurrentOrchestrations, (int)durable["maxConcurrentOrchestratorFunctions"]!);
    }

    private static IEnumerable<MethodInfo> FunctionMethods() =>
        FunctionsAssembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);

    private static string FunctionName(MethodInfo method) => method.GetCustomAttribute<FunctionAttribute>()!.Name;

    private static Dictionary<string, (MethodInfo Method, ParameterInfo Trigger)> TriggeredBy<TTrigger>()
        where TTrigger : Attribute
    {
        var adapters = FunctionMethods()
            .Select(m => (Method: m, Trigger: m.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<TTrigger>() is not null)))
            .Where(a => a.Trigger is not null)
            .ToList();
        Assert.Equal(adapters.Count, adapters.Select(a => FunctionName(a.Method)).Distinct(StringComparer.Ordinal).Count());
        return adapters.ToDictionary(a => FunctionName(a.Method), a => (a.Method, a.Trigger!), StringComparer.Ordinal);
    }

    private static (Type Input, Type Output) GenericArguments(Type type, Type openBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase)
            {
                var args = t.GetGenericArguments();
                return (args[0], args[1]);
            }
        }

        throw new InvalidOperationException($"{type} does not derive from {openBase}");
    }

    private static Type TaskResult(MethodInfo method)
    {
        Assert.True(method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>), $"{method.Name} must return Task<T>");
        return method.ReturnType.GetGenericArguments()[0];
    }

    /// <summary>Runs an orchestration adapter on a context that only records which input type it is asked for.</summary>
    private static Type InputTypeReadBy(MethodInfo adapter, FunctionContext? functionContext = null)
    {
        var context = new InputProbeContext();
        object?[] arguments = adapter.GetParameters().Length == 1
            ? [context]
            : [context, functionContext ?? ServicesFunctionContext.WithTestWorkflows(enabled: true)];
        var error = Assert.IsType<TargetInvocationException>(Record.Exception(() => adapter.Invoke(null, arguments)));
        Assert.IsType<InputProbeContext.InputRead>(error.InnerException);
        return context.RequestedInput!;
    }

    private static TimeSpan Span(JsonNode? node) => TimeSpan.Parse((string)node!, CultureInfo.InvariantCulture);

    private sealed class ApplicationBuilder(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware) => this;
    }
}
