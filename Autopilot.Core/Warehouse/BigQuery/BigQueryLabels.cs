using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// Job labels naming the tenant and workflow, so billing exports attribute cost. BigQuery label values allow lowercase
/// letters, digits, <c>_</c> and <c>-</c>, at most 63 characters.
/// </summary>
public static class BigQueryLabels
{
    public const int MaxLength = 63;
    public const string TenantKey = "tenant_id";
    public const string WorkflowKey = "workflow_id";

    public static IReadOnlyDictionary<string, string> For(QueryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [TenantKey] = Sanitize(context.TenantId) };
        if (!string.IsNullOrEmpty(context.WorkflowId))
        {
            labels[WorkflowKey] = Sanitize(context.WorkflowId);
        }

        return labels;
    }

    /// <summary>
    /// Lowercases and replaces every other character with <c>_</c>. A value too long keeps its start and ends with a
    /// hash of the whole, so two long ids that share a prefix stay apart.
    /// </summary>
    public static string Sanitize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var lower = char.ToLowerInvariant(c);
            builder.Append(char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower) || lower is '_' or '-' ? lower : '_');
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 4);
        return string.Concat(builder.ToString(0, MaxLength - hash.Length - 1), "-", hash);
    }
}
