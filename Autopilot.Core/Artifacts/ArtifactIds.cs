using System.Text.RegularExpressions;

namespace Autopilot.Core.Artifacts;

/// <summary>The artifact id format (spec §0.1: <c>art_</c> + 12 lowercase hex).</summary>
public static partial class ArtifactIds
{
    /// <summary>
    /// True for an id the store could have issued. Anything else names no artifact of any tenant, so routes answer it as
    /// unknown without a storage round trip (and a 2 KB path never becomes a row key).
    /// </summary>
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^art_[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
