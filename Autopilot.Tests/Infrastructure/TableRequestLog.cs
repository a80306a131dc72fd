using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Autopilot.Tests.Infrastructure;

/// <summary>
/// Records the Table service requests a <c>TableStorage</c> sends (method, decoded path and query), so a test can
/// say which partitions a piece of code read and whether any query spanned partitions.
/// </summary>
public sealed partial class TableRequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> Requests => _requests.ToList();

    public void Clear() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _requests.Enqueue(message.Request.Method + " " + Uri.UnescapeDataString(message.Request.Uri.ToUri().PathAndQuery));
    }

    /// <summary>Requests to tables whose name contains <paramref name="table"/>.</summary>
    public IReadOnlyList<string> To(string table) => Requests.Where(r => r.Split('?')[0].Contains(table, StringComparison.Ordinal)).ToList();

    /// <summary>Queries (GET on <c>/Table()</c>) whose filter does not pin one partition.</summary>
    public static IEnumerable<string> CrossPartitionQueries(IEnumerable<string> requests) =>
        requests.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Split('?')[0].EndsWith("()", StringComparison.Ordinal)
            && !r.Contains("PartitionKey eq '", StringComparison.Ordinal));

    /// <summary>The partition keys named by point reads/writes and by query filters.</summary>
    public static ISet<string> Partitions(IEnumerable<string> requests) =>
        requests.SelectMany(r => PartitionPattern().Matches(r).Select(m => m.Groups["pk"].Value)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("PartitionKey(?: eq |=)'(?<pk>[^']*)'")]
    private static partial Regex PartitionPattern();
}
