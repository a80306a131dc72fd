using Autopilot.Core;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Configuration;

/// <summary>Start-up validation says which variable to set (BOOT-1, with messages that tell how).</summary>
public sealed class SettingsTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    [Fact]
    public void Valid_minimal_settings_take_the_documented_defaults()
    {
        var settings = Settings.Read(Config(("AZURE_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true"), ("AUTOPILOT_ENCRYPTION_KEY", Key)));

        Assert.Equal("autopilot", settings.TaskHubName);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Service.WorkflowWait);
        Assert.False(settings.Service.AllowRealQueryExecution);
        Assert.Equal("Data Team Autopilot", settings.Service.AppName);
    }

    [Theory]
    [InlineData("AZURE_STORAGE_CONNECTION_STRING", "", "AZURE_STORAGE_CONNECTION_STRING is required")]
    [InlineData("AUTOPILOT_ENCRYPTION_KEY", "", "AUTOPILOT_ENCRYPTION_KEY is required")]
    [InlineData("AUTOPILOT_ENCRYPTION_KEY", "c2hvcnQ=", "exactly 32 bytes")]
    [InlineData("TASKHUB_NAME", "bad-hub!", "TASKHUB_NAME 'bad-hub!' is invalid")]
    [InlineData("WORKFLOW_WAIT_SECONDS", "soon", "WORKFLOW_WAIT_SECONDS must be a whole number")]
    [InlineData("ALLOW_REAL_QUERY_EXECUTION", "true", "ALLOW_REAL_QUERY_EXECUTION=true needs a live warehouse")]
    [InlineData("ALLOW_REAL_QUERY_EXECUTION", "yes", "ALLOW_REAL_QUERY_EXECUTION must be true or false")]
    [InlineData("METABASE_URL", "http://metabase:3000", "METABASE_API_KEY is empty")]
    public void Invalid_settings_stop_the_start_with_what_to_set(string key, string value, string message)
    {
        var values = new Dictionary<string, string?>
        {
            ["AZURE_STORAGE_CONNECTION_STRING"] = "UseDevelopmentStorage=true",
            ["AUTOPILOT_ENCRYPTION_KEY"] = Key,
            [key] = value,
        };

        var error = Assert.Throws<InvalidOperationException>(() => Settings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_functions_storage_setting_is_accepted_as_the_connection_string()
    {
        var settings = Settings.Read(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("AUTOPILOT_ENCRYPTION_KEY", Key)));

        Assert.Equal("UseDevelopmentStorage=true", settings.StorageConnectionString);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
