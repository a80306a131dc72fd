namespace Autopilot.Core.Connectors.Contract;

/// <summary>Body of POST /connectors/reencrypt. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record CredentialRotationView(string Status, string InstanceId, string? KeyId)
{
    public int? Reencrypted { get; init; }

    public int? Skipped { get; init; }

    public IReadOnlyList<string>? Unreadable { get; init; }
}
