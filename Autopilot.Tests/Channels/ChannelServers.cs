using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Channels;

/// <summary>
/// The channel tests' one fixture: the fake Slack and Telegram APIs and two server processes on one task hub sharing the test
/// Redis — replicas, as a deployment runs them — with signing secret, webhook secret and bot tokens set.
/// </summary>
public sealed class ChannelServers : IAsyncLifetime
{
    public const string SigningSecret = "test-slack-signing-secret";
    public const string WebhookSecret = "test-telegram-webhook-secret";

    internal FakeChannelApis Apis { get; private set; } = null!;

    public ServerProcess First { get; private set; } = null!;

    public ServerProcess Second { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public HttpClient SecondHttp { get; private set; } = null!;

    public StorageFactory Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Apis = await FakeChannelApis.StartAsync();
        var hub = TestEnvironment.NewHubName("chan");
        var settings = new Dictionary<string, string>
        {
            ["REDIS_URL"] = TestEnvironment.RedisEndpoint,
            ["SLACK_SIGNING_SECRET"] = SigningSecret,
            ["SLACK_BOT_TOKEN"] = FakeChannelApis.SlackToken,
            ["SLACK_API_BASE_URL"] = Apis.SlackApiBase.ToString(),
            ["TELEGRAM_WEBHOOK_SECRET"] = WebhookSecret,
            ["TELEGRAM_BOT_TOKEN"] = FakeChannelApis.TelegramToken,
            ["TELEGRAM_API_BASE_URL"] = Apis.BaseUri.ToString(),
        };
        First = new ServerProcess(hub, SharedDemoWarehouse.Path, settings);
        Second = new ServerProcess(hub, SharedDemoWarehouse.Path, settings);
        await Task.WhenAll(First.StartAsync(), Second.StartAsync());
        Http = First.CreateClient();
        SecondHttp = Second.CreateClient();
        Storage = new StorageFactory(hub);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        SecondHttp.Dispose();
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Apis.DisposeAsync();
    }
}
