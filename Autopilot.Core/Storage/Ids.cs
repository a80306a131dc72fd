using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Storage;

/// <summary>Identifiers and hashes in the seed's formats (spec §0.1: prefix + 12 lowercase hex).</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
