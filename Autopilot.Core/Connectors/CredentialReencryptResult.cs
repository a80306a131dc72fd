namespace Autopilot.Core.Connectors;

/// <summary>Totals of a re-encrypt pass; <c>Unreadable</c> lists at most <see cref="MaxListed"/> connections with the key id they need.</summary>
public sealed record CredentialReencryptResult(string KeyId, int Pages, int Reencrypted, int Skipped, IReadOnlyList<string> Unreadable)
{
    public const int MaxListed = 100;

    public CredentialReencryptResult Add(ReencryptPageResult page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return this with
        {
            Pages = Pages + 1,
            Reencrypted = Reencrypted + page.Reencrypted,
            Skipped = Skipped + page.Skipped,
            Unreadable = [.. Unreadable.Concat(page.Unreadable).Take(MaxListed)],
        };
    }
}
