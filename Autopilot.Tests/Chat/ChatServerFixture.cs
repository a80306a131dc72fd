using Autopilot.Tests.Agent.Llm;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Chat;

/// <summary>
/// One server for every chat and language-model evaluation route test: its model is a local chat-completions server that
/// answers <c>{}</c> unless a test scripts otherwise (so the intent classifier, planner and memo writer fall back), and
/// two more local servers stand for evaluation providers.
/// </summary>
public sealed class ChatServerFixture : IAsyncLifetime
{
    public const string PrimaryKey = "sk-chat-primary-secret";

    internal FakeChatCompletionsServer Llm { get; private set; } = null!;

    /// <summary>Evaluation provider <c>good_eval</c>: tests script it with the packet's deterministic memo.</summary>
    internal FakeChatCompletionsServer GoodEval { get; private set; } = null!;

    /// <summary>Evaluation provider <c>bad_eval</c>: tests script it with a memo that states a wrong number.</summary>
    internal FakeChatCompletionsServer BadEval { get; private set; } = null!;

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public StorageFactory Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Llm = await FakeChatCompletionsServer.StartAsync();
        Llm.AnswerUnscriptedWith("{}");
        GoodEval = await FakeChatCompletionsServer.StartAsync();
        BadEval = await FakeChatCompletionsServer.StartAsync();
        var providers = new System.Text.Json.Nodes.JsonArray(
            Provider("good_eval", GoodEval),
            Provider("bad_eval", BadEval),
            new System.Text.Json.Nodes.JsonObject { ["name"] = "malformed_no_url", ["api_key"] = "sk-malformed-secret", ["model"] = "m" });
        Server = new ServerProcess(TestEnvironment.NewHubName("chat"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["AGENT_LLM_PLANNER"] = "true",
            ["LLM_PROVIDER"] = "openai",
            ["LLM_MODEL"] = "gpt-test",
            ["LLM_API_KEY"] = PrimaryKey,
            ["LLM_API_BASE_URL"] = new Uri(Llm.BaseUri, "v1").ToString(),
            ["WORKFLOW_WAIT_SECONDS"] = "120",
            ["LLM_EVAL_ENABLED"] = "true",
            ["LLM_EVAL_PROVIDERS_JSON"] = providers.ToJsonString(),
        });
        await Server.StartAsync();
        Http = Server.CreateClient();
        Storage = new StorageFactory(Server.TaskHub);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Llm.DisposeAsync();
        await GoodEval.DisposeAsync();
        await BadEval.DisposeAsync();
    }

    private static System.Text.Json.Nodes.JsonObject Provider(string name, FakeChatCompletionsServer server) => new()
    {
        ["name"] = name,
        ["base_url"] = new Uri(server.BaseUri, "v1").ToString(),
        ["api_key"] = $"sk-{name}-secret",
        ["model"] = $"{name}-model",
        ["timeout_seconds"] = 20,
    };
}
