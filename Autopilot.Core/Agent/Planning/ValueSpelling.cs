namespace Autopilot.Core.Agent.Planning;

/// <summary>How a value is compared with the question's words: lower case, runs of anything but letters and digits as one '_'.</summary>
internal static class ValueSpelling
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spelled = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                spelled.Append(c);
            }
            else if (spelled.Length > 0 && spelled[^1] != '_')
            {
                spelled.Append('_');
            }
        }

        return spelled.ToString().TrimEnd('_');
    }
}
