using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autopilot.Core.Warehouse.BigQuery.Wire;

/// <summary>
/// JSON settings of BigQuery's REST API: camelCase names, int64 fields as strings on read (BigQuery sends
/// <c>"totalRows": "42"</c>), nulls left out on write.
/// </summary>
internal static class BigQueryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
