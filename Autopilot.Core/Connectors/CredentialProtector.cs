using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Connectors;

/// <summary>
/// Encrypts connector credentials at rest with AES-256-GCM under the key ring's current key (the seed stored base64,
/// CONN-3). Ciphertext: <c>v2:&lt;key id&gt;:</c> + base64(nonce | tag | cipher), so a rotated key still finds its
/// credentials; <c>v1:</c> + base64(...) — written before key ids existed — is read as <see cref="CredentialKeyRing.LegacyKeyId"/>.
/// The tenant and connection id are bound as associated data so a row copied to another tenant does not decrypt.
/// </summary>
public sealed class CredentialProtector
{
    private const string LegacyPrefix = "v1:";
    private const string Prefix = "v2:";
    private readonly CredentialKeyRing _keys;

    public CredentialProtector(CredentialKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>A ring of one key, with the default id.</summary>
    public CredentialProtector(byte[] key)
        : this(new CredentialKeyRing(CredentialKeyRing.LegacyKeyId, key))
    {
    }

    public CredentialKeyRing Keys => _keys;

    /// <summary>What a ciphertext written with the current key starts with (stores query by it).</summary>
    public string CurrentPrefix => $"{Prefix}{_keys.CurrentKeyId}:";

    public string Protect(string plaintext, string tenantId, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[data.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_keys.CurrentKey, tag.Length))
        {
            aes.Encrypt(nonce, data, cipher, tag, AssociatedData(tenantId, connectionId));
        }

        return CurrentPrefix + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>
    /// Decrypts with the key the ciphertext names. Throws <see cref="CredentialKeyNotConfiguredException"/> for a key id
    /// not in the ring, and <see cref="CryptographicException"/> for anything malformed or tampered with.
    /// </summary>
    public string Unprotect(string protectedText, string tenantId, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        var (keyId, body) = Split(protectedText) ?? throw new CryptographicException("Unknown credential format.");
        if (!_keys.TryGetKey(keyId, out var key))
        {
            throw new CredentialKeyNotConfiguredException(keyId);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            throw new CryptographicException("Unknown credential format.");
        }

        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        if (bytes.Length < nonceSize + tagSize)
        {
            throw new CryptographicException("Unknown credential format.");
        }

        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(key, tagSize))
        {
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain, AssociatedData(tenantId, connectionId));
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a ciphertext names (<see cref="CredentialKeyRing.LegacyKeyId"/> for the v1 format); null when it is not one of ours.</summary>
    public static string? KeyIdOf(string protectedText) => Split(protectedText)?.KeyId;

    /// <summary>Whether the ciphertext is already under the current key (the re-encrypt pass leaves it alone).</summary>
    public bool IsCurrent(string protectedText) => protectedText?.StartsWith(CurrentPrefix, StringComparison.Ordinal) == true;

    private static (string KeyId, string Body)? Split(string protectedText)
    {
        if (protectedText.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            return (CredentialKeyRing.LegacyKeyId, protectedText[LegacyPrefix.Length..]);
        }

        if (!protectedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = protectedText.IndexOf(':', Prefix.Length);
        var keyId = end > Prefix.Length ? protectedText[Prefix.Length..end] : null;
        return CredentialKeyRing.IsValidId(keyId) ? (keyId!, protectedText[(end + 1)..]) : null;
    }

    private static byte[] AssociatedData(string tenantId, string connectionId) => Encoding.UTF8.GetBytes($"{tenantId}\n{connectionId}");
}
