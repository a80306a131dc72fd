using Autopilot.Core;
using Autopilot.Core.Engine;
using Autopilot.Server.Engine;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autopilot.Tests.Engine;

/// <summary>The server's worker registers the fault-injection workflow only with AUTOPILOT_ENABLE_TEST_WORKFLOWS (issue 8 §5.6).</summary>
public sealed class TestWorkflowRegistrationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void Without_the_test_flag_the_worker_knows_no_test_workflow(string? flag)
    {
        var host = WorkerFor(flag);

        Assert.Equal(WorkflowCatalog.Orchestrators.Select(WorkflowCatalog.NameOf).Order(StringComparer.Ordinal), host.Orchestrations.Order(StringComparer.Ordinal));
        Assert.Equal(WorkflowCatalog.Activities.Select(WorkflowCatalog.NameOf).Order(StringComparer.Ordinal), host.Activities.Order(StringComparer.Ordinal));
        Assert.All(WorkflowCatalog.TestOrchestrators, t => Assert.DoesNotContain(WorkflowCatalog.NameOf(t), host.Orchestrations));
        Assert.All(WorkflowCatalog.TestActivities, t => Assert.DoesNotContain(WorkflowCatalog.NameOf(t), host.Activities));
    }

    [Fact]
    public void With_the_test_flag_the_worker_also_runs_the_test_workflow()
    {
        var host = WorkerFor("true");

        Assert.All(WorkflowCatalog.TestOrchestrators, t => Assert.Contains(WorkflowCatalog.NameOf(t), host.Orchestrations));
        Assert.All(WorkflowCatalog.TestActivities, t => Assert.Contains(WorkflowCatalog.NameOf(t), host.Activities));
        Assert.Equal(WorkflowCatalog.Orchestrators.Count + WorkflowCatalog.TestOrchestrators.Count, host.Orchestrations.Count);
    }

    /// <summary>The worker as the server builds it; not started, so no storage is touched.</summary>
    private static TaskHubHost WorkerFor(string? flag)
    {
        var values = new Dictionary<string, string?>
        {
            ["AZURE_STORAGE_CONNECTION_STRING"] = "UseDevelopmentStorage=true",
            ["AUTOPILOT_ENCRYPTION_KEY"] = TestEnvironment.NewEncryptionKey(),
            ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = flag,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var settings = Settings.Read(configuration);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAutopilotCore(settings);
        services.AddDurableEngine(new EngineOptions { StorageConnectionString = settings.StorageConnectionString, TaskHubName = "regtest" });
        return services.BuildServiceProvider().GetServices<IHostedService>().OfType<TaskHubHost>().Single();
    }
}
