using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>
/// LLM-11's blind labels: the provider names sorted (ordinal), shuffled by a Fisher–Yates pass whose draws come from
/// SHA-256 of <c>"{org}:{i}"</c> — stable across processes and versions, unlike <c>string.GetHashCode</c> — then labelled
/// <c>Model A</c>, <c>Model B</c>, … in that order. The same org always gets the same mapping.
/// </summary>
public static class BlindLabels
{
    /// <summary>Label → real name, in label order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Assign(string orgId, IEnumerable<string> providerNames)
    {
        ArgumentNullException.ThrowIfNull(orgId);
        var names = providerNames.Order(StringComparer.Ordinal).ToList();
        for (var i = names.Count - 1; i > 0; i--)
        {
            var draw = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{orgId}:{i}")));
            var j = (int)(draw % (uint)(i + 1));
            (names[i], names[j]) = (names[j], names[i]);
        }

        return names.Select((name, index) => KeyValuePair.Create(Label(index), name)).ToList();
    }

    /// <summary><c>Model A</c> … <c>Model Z</c>, then <c>Model 27</c> and on.</summary>
    public static string Label(int index) => index < 26 ? $"Model {(char)('A' + index)}" : $"Model {index + 1}";
}
