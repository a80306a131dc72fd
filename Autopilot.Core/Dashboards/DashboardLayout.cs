namespace Autopilot.Core.Dashboards;

/// <summary>
/// DASH-5: cards in order on an 18-unit grid. A full card takes a row of its own; two halves share a row (the taller
/// sets the next row); a half left alone is closed by the next full card or the end. Deterministic, no overlaps.
/// </summary>
public static class DashboardLayout
{
    public const int GridWidth = 18;
    public const int HalfWidth = GridWidth / 2;

    public static IReadOnlyList<CardPosition> Place(IReadOnlyList<(CardWidth Width, int Height)> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var positions = new List<CardPosition>(cards.Count);
        var row = 0;
        int? pendingLeftHeight = null;
        foreach (var (width, height) in cards)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1, nameof(cards));
            if (width == CardWidth.Full)
            {
                if (pendingLeftHeight is { } left)
                {
                    row += left;
                    pendingLeftHeight = null;
                }

                positions.Add(new CardPosition(0, row, GridWidth, height));
                row += height;
            }
            else if (pendingLeftHeight is { } left)
            {
                positions.Add(new CardPosition(HalfWidth, row, HalfWidth, height));
                row += Math.Max(left, height);
                pendingLeftHeight = null;
            }
            else
            {
                positions.Add(new CardPosition(0, row, HalfWidth, height));
                pendingLeftHeight = height;
            }
        }

        return positions;
    }
}
