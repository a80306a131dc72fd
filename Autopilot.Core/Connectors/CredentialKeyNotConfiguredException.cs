using System.Security.Cryptography;

namespace Autopilot.Core.Connectors;

/// <summary>Stored credentials name a key id this service does not have: a configuration error, reported as such.</summary>
public sealed class CredentialKeyNotConfiguredException : CryptographicException
{
    public CredentialKeyNotConfiguredException(string keyId)
        : base($"Stored credentials were encrypted with key id '{keyId}', which is not configured: add it to {CredentialKeyRing.OldKeysSetting} (id:base64) or reconnect the connector.")
    {
        KeyId = keyId;
    }

    public CredentialKeyNotConfiguredException()
    {
        KeyId = string.Empty;
    }

    public CredentialKeyNotConfiguredException(string message, Exception innerException) : base(message, innerException)
    {
        KeyId = string.Empty;
    }

    public string KeyId { get; }
}
