using System.Security.Cryptography;
using Autopilot.Core.Connectors;

namespace Autopilot.Tests.Connectors;

/// <summary>Key ids on stored credentials: rotation keeps old ciphertext readable and writes with the current key.</summary>
public sealed class CredentialProtectorTests
{
    private const string Secret = """{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\nMIIEprotector\n-----END PRIVATE KEY-----\n"}""";
    private readonly byte[] _k0 = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _k1 = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void After_a_rotation_old_credentials_decrypt_and_new_ones_use_the_current_key()
    {
        var before = new CredentialProtector(new CredentialKeyRing("k0", _k0));
        var written = before.Protect(Secret, "org_a", "conn_org_a");
        var after = new CredentialProtector(new CredentialKeyRing("k1", _k1, new Dictionary<string, byte[]> { ["k0"] = _k0 }));

        var rewritten = after.Protect(after.Unprotect(written, "org_a", "conn_org_a"), "org_a", "conn_org_a");

        Assert.StartsWith("v2:k0:", written, StringComparison.Ordinal);
        Assert.StartsWith("v2:k1:", rewritten, StringComparison.Ordinal);
        Assert.False(after.IsCurrent(written));
        Assert.True(after.IsCurrent(rewritten));
        Assert.Equal(Secret, new CredentialProtector(new CredentialKeyRing("k1", _k1)).Unprotect(rewritten, "org_a", "conn_org_a"));
    }

    [Fact]
    public void Credentials_written_before_key_ids_existed_decrypt_as_the_legacy_key_id()
    {
        var legacy = LegacyCiphertext.Protect(_k0, Secret, "org_a", "conn_org_a");

        Assert.Equal(CredentialKeyRing.LegacyKeyId, CredentialProtector.KeyIdOf(legacy));
        Assert.Equal(Secret, new CredentialProtector(_k0).Unprotect(legacy, "org_a", "conn_org_a"));
        Assert.Equal(Secret, new CredentialProtector(new CredentialKeyRing("k1", _k1, new Dictionary<string, byte[]> { ["k0"] = _k0 })).Unprotect(legacy, "org_a", "conn_org_a"));
    }

    [Fact]
    public void An_unknown_key_id_is_a_clear_error_naming_the_id_and_the_setting_and_no_key()
    {
        var written = new CredentialProtector(new CredentialKeyRing("retired-2025", _k0)).Protect(Secret, "org_a", "conn_org_a");
        var current = new CredentialProtector(new CredentialKeyRing("k1", _k1));

        var error = Assert.Throws<CredentialKeyNotConfiguredException>(() => current.Unprotect(written, "org_a", "conn_org_a"));

        Assert.Equal("retired-2025", error.KeyId);
        Assert.Contains("'retired-2025'", error.Message, StringComparison.Ordinal);
        Assert.Contains(CredentialKeyRing.OldKeysSetting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(_k0), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(_k1), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v3:k0:AAAA")]
    [InlineData("v2:k0")]
    [InlineData("v2::AAAA")]
    [InlineData("v2:bad id:AAAA")]
    [InlineData("v2:k0:not base64!")]
    [InlineData("v2:k0:AAAA")]
    [InlineData("plain text")]
    public void Malformed_ciphertext_is_a_cryptographic_error_not_a_crash(string text)
    {
        var protector = new CredentialProtector(_k0);

        var error = Record.Exception(() => protector.Unprotect(text, "org_a", "conn_org_a"));

        Assert.IsAssignableFrom<CryptographicException>(error);
        Assert.IsNotType<CredentialKeyNotConfiguredException>(error);
    }

    [Fact]
    public void A_key_listed_under_the_right_id_but_with_other_material_fails_authentication()
    {
        var written = new CredentialProtector(new CredentialKeyRing("k0", _k0)).Protect(Secret, "org_a", "conn_org_a");
        var wrong = new CredentialProtector(new CredentialKeyRing("k1", _k1, new Dictionary<string, byte[]> { ["k0"] = RandomNumberGenerator.GetBytes(32) }));

        Assert.ThrowsAny<CryptographicException>(() => wrong.Unprotect(written, "org_a", "conn_org_a"));
    }
}
