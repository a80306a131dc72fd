namespace Autopilot.Core.Dashboards;

/// <summary>What became of a card's query.</summary>
public static class CardStatus
{
    /// <summary>It ran and returned rows.</summary>
    public const string Ok = "ok";

    /// <summary>It ran and returned no rows: the card shows "No data for this period", never a zero it did not see.</summary>
    public const string Empty = "empty";

    /// <summary>The gate, the dry run or the budget refused it: the card shows why.</summary>
    public const string Refused = "refused";
}
