using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Autopilot.Core;
using Autopilot.Functions;
using Autopilot.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Functions;

/// <summary>One queue sweep, one setting: the server loop and the Functions timer read QUEUE_POLL_INTERVAL (issue 8 §5.7).</summary>
public sealed class QueuePollingSettingTests
{
    [Fact]
    public void The_functions_timer_schedule_is_the_app_setting_the_server_loop_reads()
    {
        var method = typeof(TimerFunctions).GetMethod(nameof(TimerFunctions.ProcessQueuedWork))!;
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).Single(a => a is not null)!;
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "local.settings.sample.json")))!["Values"]!;
        var sampleValue = (string)sample["QUEUE_POLL_INTERVAL"]!;

        var server = Read(("QUEUE_POLL_INTERVAL", sampleValue));

        Assert.Equal("%QUEUE_POLL_INTERVAL%", trigger.Schedule);
        // The Functions host reads a non-CRON schedule as a TimeSpan; the server must wait exactly as long.
        Assert.Equal(TimeSpan.Parse(sampleValue, CultureInfo.InvariantCulture), server.Service.QueuePollInterval);
        Assert.Contains("`QUEUE_POLL_INTERVAL`", File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.300", 300)]
    [InlineData("00:00:05", 5000)]
    [InlineData("00:10:00", 600_000)]
    public void The_server_loop_waits_the_configured_interval(string value, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Read(("QUEUE_POLL_INTERVAL", value)).Service.QueuePollInterval);

    [Fact]
    public void Without_the_setting_the_server_sweeps_every_two_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Read().Service.QueuePollInterval);

    [Theory]
    [InlineData("2000")]
    [InlineData("*/30 * * * * *")]
    [InlineData("00:00:00.010")]
    [InlineData("01:00:00")]
    [InlineData("soon")]
    public void A_value_both_runtimes_cannot_follow_stops_the_start(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("QUEUE_POLL_INTERVAL", value)));

        Assert.Contains("QUEUE_POLL_INTERVAL must be a TimeSpan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_replaced_millisecond_setting_stops_the_start_naming_its_successor()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("QUEUE_POLL_INTERVAL_MS", "300")));

        Assert.Contains("QUEUE_POLL_INTERVAL_MS was replaced by QUEUE_POLL_INTERVAL", error.Message, StringComparison.Ordinal);
    }

    private static Settings Read(params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["AZURE_STORAGE_CONNECTION_STRING"] = "UseDevelopmentStorage=true",
            ["AUTOPILOT_ENCRYPTION_KEY"] = TestEnvironment.NewEncryptionKey(),
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return Settings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
