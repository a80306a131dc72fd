namespace Autopilot.Core.Storage;

/// <summary>Where records live: one storage account (Azurite locally) shared with the durable engine.</summary>
public sealed class StorageOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>Prefix of every table name (the task hub name), so several deployments or test runs share an account.</summary>
    public required string TablePrefix { get; init; }
}
