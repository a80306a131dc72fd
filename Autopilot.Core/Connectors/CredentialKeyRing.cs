using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Connectors;

/// <summary>
/// The credential encryption keys: the current one (<c>AUTOPILOT_ENCRYPTION_KEY</c>, id <c>AUTOPILOT_ENCRYPTION_KEY_ID</c>,
/// default <see cref="LegacyKeyId"/>), which encrypts everything written, and older ones
/// (<c>AUTOPILOT_ENCRYPTION_OLD_KEYS</c> = <c>id:base64,id:base64</c>) which only decrypt, until the re-encrypt pass has
/// moved every credential to the current key. Key material never appears in messages.
/// </summary>
public sealed partial record CredentialKeyRing
{
    /// <summary>
    /// The id of credentials written before key ids existed (format <c>v1:</c>), and the default id of the current key,
    /// so that upgrading changes nothing; rotating away from such a key means listing it as <c>k0:&lt;base64&gt;</c>.
    /// </summary>
    public const string LegacyKeyId = "k0";

    public const string KeySetting = "AUTOPILOT_ENCRYPTION_KEY";
    public const string KeyIdSetting = "AUTOPILOT_ENCRYPTION_KEY_ID";
    public const string OldKeysSetting = "AUTOPILOT_ENCRYPTION_OLD_KEYS";

    private readonly Dictionary<string, byte[]> _keys;

    public CredentialKeyRing(string currentKeyId, byte[] currentKey, IReadOnlyDictionary<string, byte[]>? oldKeys = null)
    {
        ArgumentNullException.ThrowIfNull(currentKey);
        if (!IsValidId(currentKeyId))
        {
            throw new ArgumentException("A key id is 1–32 letters, digits, '-' or '_'.", nameof(currentKeyId));
        }

        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [currentKeyId] = Checked(currentKey) };
        foreach (var (id, key) in oldKeys ?? new Dictionary<string, byte[]>())
        {
            if (!IsValidId(id) || !_keys.TryAdd(id, Checked(key)))
            {
                throw new ArgumentException($"Old key id '{id}' is invalid or used twice.", nameof(oldKeys));
            }
        }

        CurrentKeyId = currentKeyId;
    }

    public string CurrentKeyId { get; }

    /// <summary>Every configured id, the current one first.</summary>
    public IReadOnlyList<string> KeyIds => [CurrentKeyId, .. _keys.Keys.Where(k => k != CurrentKeyId).Order(StringComparer.Ordinal)];

    internal byte[] CurrentKey => _keys[CurrentKeyId];

    internal bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Reads the three settings; every problem is reported, naming the variable (never the key).</summary>
    public static CredentialKeyRing Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var raw = configuration[KeySetting]?.Trim() ?? string.Empty;
        byte[]? current = null;
        if (raw.Length == 0)
        {
            errors.Add($"{KeySetting} is required: base64 of 32 random bytes (e.g. `openssl rand -base64 32`); it encrypts connector credentials.");
        }
        else if ((current = Decode(raw)) is null)
        {
            errors.Add($"{KeySetting} must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`).");
        }

        var currentId = configuration[KeyIdSetting] is { Length: > 0 } id ? id.Trim() : LegacyKeyId;
        if (!IsValidId(currentId))
        {
            errors.Add($"{KeyIdSetting} '{currentId}' is invalid: 1–32 letters, digits, '-' or '_'.");
        }

        var old = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var entries = (configuration[OldKeysSetting] ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var separator = entries[i].IndexOf(':', StringComparison.Ordinal);
            var oldId = separator > 0 ? entries[i][..separator].Trim() : string.Empty;
            var oldKey = separator > 0 ? Decode(entries[i][(separator + 1)..].Trim()) : null;
            if (!IsValidId(oldId) || oldKey is null)
            {
                // Entry number only: the text may hold a key.
                errors.Add($"{OldKeysSetting} entry {i + 1} is invalid: write id:base64 (id 1–32 letters, digits, '-' or '_'; base64 of 32 bytes), entries separated by commas.");
            }
            else if (oldId == currentId || !old.TryAdd(oldId, oldKey))
            {
                errors.Add($"{OldKeysSetting} lists key id '{oldId}' twice or as the current {KeyIdSetting}: each id names one key.");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine + " - ", errors));
        }

        return new CredentialKeyRing(currentId, current!, old);
    }

    private static byte[]? Decode(string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Checked(byte[] key) => key is { Length: 32 }
        ? key.ToArray()
        : throw new ArgumentException("A credential encryption key is 32 bytes (base64 of 32 random bytes).", nameof(key));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
