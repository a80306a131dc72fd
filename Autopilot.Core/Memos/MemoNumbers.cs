using System.Globalization;

namespace Autopilot.Core.Memos;

/// <summary>Numbers as the seed's texts print them (Python's float repr: <c>12.5</c>, <c>100.0</c>, <c>-3.0</c>), so memo sentences read the same.</summary>
public static class MemoNumbers
{
    public static string Text(double value)
    {
        if (double.IsFinite(value) && value == Math.Truncate(value) && Math.Abs(value) < 1e16)
        {
            return value.ToString("0.0", CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
