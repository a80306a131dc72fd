using Autopilot.Tests.Agent.Llm;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Llm;

/// <summary>One server whose planner talks to a local chat-completions server, shared by the language-model route tests (each uses its own tenant).</summary>
public sealed class LlmRouteServer : IAsyncLifetime
{
    public const string Key = "sk-route-test-secret";

    private ServerProcess _server = null!;

    internal FakeChatCompletionsServer Llm { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Llm = await FakeChatCompletionsServer.StartAsync();
        _server = new ServerProcess(TestEnvironment.NewHubName("llmroute"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["AGENT_LLM_PLANNER"] = "true",
            ["LLM_PROVIDER"] = "openai",
            ["LLM_MODEL"] = "gpt-test",
            ["LLM_API_KEY"] = Key,
            ["LLM_API_BASE_URL"] = new Uri(Llm.BaseUri, "v1").ToString(),
        });
        await _server.StartAsync();
        Http = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
        await Llm.DisposeAsync();
    }
}
