using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Tests.Connectors;

/// <summary>
/// Credentials as the service wrote them before key ids existed ("v1:" + base64(nonce | tag | cipher), tenant and
/// connection bound as associated data) — the stored rows the key ring must still read.
/// </summary>
internal static class LegacyCiphertext
{
    public static string Protect(byte[] key, string plaintext, string tenantId, string connectionId)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[data.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, data, cipher, tag, Encoding.UTF8.GetBytes($"{tenantId}\n{connectionId}"));
        }

        return "v1:" + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }
}
