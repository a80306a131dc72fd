namespace Autopilot.Tests.Infrastructure;

/// <summary>The real services scripts/test.sh starts for the tests: Azurite and Redis on free loopback ports.</summary>
public static class TestEnvironment
{
    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("AUTOPILOT_TEST_STORAGE") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("AUTOPILOT_TEST_STORAGE is not set: run the tests with ./scripts/test.sh, which starts Azurite and Redis.");

    public static string RedisEndpoint =>
        Environment.GetEnvironmentVariable("AUTOPILOT_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("AUTOPILOT_TEST_REDIS is not set: run the tests with ./scripts/test.sh, which starts Azurite and Redis.");

    /// <summary>The repository root (holds Autopilot.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A task hub / table prefix unique to this test run and purpose.</summary>
    public static string NewHubName(string purpose) =>
        $"t{purpose}{Guid.NewGuid():N}"[..Math.Min(40, purpose.Length + 13)];

    /// <summary>A fresh 32-byte key as AUTOPILOT_ENCRYPTION_KEY expects it.</summary>
    public static string NewEncryptionKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Autopilot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Autopilot.sln not found above " + AppContext.BaseDirectory);
    }
}
