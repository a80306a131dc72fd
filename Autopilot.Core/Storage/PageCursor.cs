using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Autopilot.Core.Storage;

/// <summary>
/// The opaque <c>cursor</c> of list routes: Table storage's continuation token, plus how many items came before
/// (for lists that number their items, like queue positions), as base64url JSON. Clients pass it back unchanged.
/// </summary>
public sealed record PageCursor(string Token, int Offset)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Wire(Token, Offset))));

    /// <summary>Reads a cursor a client sent back; null when it is not one of ours.</summary>
    public static PageCursor? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return null;
        }

        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(text));
            return wire is { T: { Length: > 0 } token, O: >= 0 } ? new PageCursor(token, wire.O) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Wire(string T, int O);
}
