using System.Security.Cryptography;
using Autopilot.Core;
using Autopilot.Core.Connectors;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Connectors;

/// <summary>AUTOPILOT_ENCRYPTION_KEY, _KEY_ID and _OLD_KEYS: read at start, every mistake named, no key ever echoed.</summary>
public sealed class CredentialKeyRingTests
{
    private static readonly string Current = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Old = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Short = Convert.ToBase64String(RandomNumberGenerator.GetBytes(31));

    public static TheoryData<string?, string?, string> BadSettings() => new()
    {
        { "bad id!", null, CredentialKeyRing.KeyIdSetting },
        { "k1", $"k0:{Short}", CredentialKeyRing.OldKeysSetting },
        { "k1", Old, CredentialKeyRing.OldKeysSetting },
        { "k1", $"k0:{Old},k0:{Current}", CredentialKeyRing.OldKeysSetting },
        { "k1", $"k1:{Old}", CredentialKeyRing.OldKeysSetting },
        { "k1", $"bad id:{Old}", CredentialKeyRing.OldKeysSetting },
    };

    [Fact]
    public void The_default_key_id_is_the_legacy_id_so_an_upgrade_changes_nothing()
    {
        var ring = CredentialKeyRing.Read(Configuration(null, null));

        Assert.Equal(CredentialKeyRing.LegacyKeyId, ring.CurrentKeyId);
        Assert.Equal([CredentialKeyRing.LegacyKeyId], ring.KeyIds);
    }

    [Fact]
    public void Old_keys_are_read_as_id_colon_base64_separated_by_commas()
    {
        var other = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var ring = CredentialKeyRing.Read(Configuration("k2", $" k0:{Old} , k1:{other} "));

        Assert.Equal("k2", ring.CurrentKeyId);
        Assert.Equal(["k2", "k0", "k1"], ring.KeyIds);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_key_setting_stops_the_start_naming_the_variable_and_never_the_key(string? keyId, string? oldKeys, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings.Read(Configuration(keyId, oldKeys)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        foreach (var key in new[] { Current, Old, Short })
        {
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }

    private static IConfiguration Configuration(string? keyId, string? oldKeys) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AZURE_STORAGE_CONNECTION_STRING"] = "UseDevelopmentStorage=true",
            [CredentialKeyRing.KeySetting] = Current,
            [CredentialKeyRing.KeyIdSetting] = keyId,
            [CredentialKeyRing.OldKeysSetting] = oldKeys,
        })
        .Build();
}
