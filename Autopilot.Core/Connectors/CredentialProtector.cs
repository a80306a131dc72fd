using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Connectors;

/// <summary>
/// Encrypts connector credentials at rest with AES-256-GCM under a key from configuration
/// (the seed stored base64, CONN-3). Ciphertext: "v1:" + base64(nonce | tag | cipher); the tenant and
/// connection id are bound as associated data so a row copied to another tenant does not decrypt.
/// </summary>
public sealed class CredentialProtector
{
    private const string Version = "v1:";
    private readonly byte[] _key;

    public CredentialProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("The credential encryption key must be 32 bytes (base64 of 32 random bytes).", nameof(key));
        }

        _key = key.ToArray();
    }

    public string Protect(string plaintext, string tenantId, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[data.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_key, tag.Length))
        {
            aes.Encrypt(nonce, data, cipher, tag, AssociatedData(tenantId, connectionId));
        }

        return Version + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Unprotect(string protectedText, string tenantId, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        if (!protectedText.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown credential format.");
        }

        var bytes = Convert.FromBase64String(protectedText[Version.Length..]);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(_key, tagSize))
        {
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain, AssociatedData(tenantId, connectionId));
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AssociatedData(string tenantId, string connectionId) => Encoding.UTF8.GetBytes($"{tenantId}\n{connectionId}");
}
