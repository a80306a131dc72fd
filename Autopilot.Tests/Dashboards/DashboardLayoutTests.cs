using Autopilot.Core.Dashboards;

namespace Autopilot.Tests.Dashboards;

/// <summary>DASH-5 on the seed's example and, as properties, on every sequence of up to eight cards of two heights.</summary>
public sealed class DashboardLayoutTests
{
    [Fact]
    public void The_seeds_exec_overview_is_placed_as_the_spec_lists()
    {
        var withOrders = DashboardLayout.Place([(CardWidth.Full, 8), (CardWidth.Half, 4), (CardWidth.Half, 4), (CardWidth.Full, 8)]);

        Assert.Equal([new(0, 0, 18, 8), new(0, 8, 9, 4), new(9, 8, 9, 4), new CardPosition(0, 12, 18, 8)], withOrders);
        Assert.Equal(withOrders.Take(3), DashboardLayout.Place([(CardWidth.Full, 8), (CardWidth.Half, 4), (CardWidth.Half, 4)]));
    }

    public static TheoryData<int> Lengths => [.. Enumerable.Range(0, 9)];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_sequence_fits_the_grid_without_overlap_keeps_reading_order_and_is_deterministic(int length)
    {
        foreach (var cards in Sequences(length))
        {
            var placed = DashboardLayout.Place(cards);

            Assert.Equal(cards.Count, placed.Count);
            Assert.Equal(placed, DashboardLayout.Place(cards));
            for (var i = 0; i < placed.Count; i++)
            {
                var p = placed[i];
                Assert.InRange(p.Col + p.SizeX, 1, DashboardLayout.GridWidth);
                Assert.Equal(cards[i].Width == CardWidth.Full ? 18 : 9, p.SizeX);
                Assert.Equal(cards[i].Height, p.SizeY);
                for (var j = 0; j < i; j++)
                {
                    Assert.False(Overlap(placed[j], p), $"cards {j} and {i} overlap in {string.Join(",", cards)}");
                    Assert.True((placed[j].Row, placed[j].Col).CompareTo((p.Row, p.Col)) < 0, "reading order follows card order");
                }
            }
        }
    }

    private static bool Overlap(CardPosition a, CardPosition b) =>
        a.Col < b.Col + b.SizeX && b.Col < a.Col + a.SizeX && a.Row < b.Row + b.SizeY && b.Row < a.Row + a.SizeY;

    private static IEnumerable<List<(CardWidth Width, int Height)>> Sequences(int length)
    {
        (CardWidth, int)[] kinds = [(CardWidth.Full, 8), (CardWidth.Full, 3), (CardWidth.Half, 4), (CardWidth.Half, 6)];
        var total = (int)Math.Pow(kinds.Length, length);
        for (var n = 0; n < total; n++)
        {
            var sequence = new List<(CardWidth, int)>(length);
            for (int i = 0, rest = n; i < length; i++, rest /= kinds.Length)
            {
                sequence.Add(kinds[rest % kinds.Length]);
            }

            yield return sequence;
        }
    }
}
