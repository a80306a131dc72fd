using System.Diagnostics;

namespace Autopilot.Tests.Infrastructure;

/// <summary>Waiting for something another process or thread makes true, with a deadline that names what never happened.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(100);
        }
    }
}
