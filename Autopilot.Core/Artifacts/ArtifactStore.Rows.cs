using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Artifacts;

/// <summary>Rows ↔ records. A version's data is split over several properties: one Table property holds at most 64 KiB.</summary>
public sealed partial class ArtifactStore
{
    /// <summary>Characters per data property (UTF-16: 2 bytes each, under the 64 KiB property limit).</summary>
    private const int PartChars = 30_000;

    /// <summary>Parts per version, keeping the row well under the 1 MiB entity limit.</summary>
    private const int MaxParts = 14;

    /// <summary>The largest data a version holds, as JSON characters.</summary>
    public static int MaxDataChars => PartChars * MaxParts;

    private static TableEntity HeadEntity(Artifact artifact) => new(TableKey.Escape(artifact.TenantId), HeadRow(artifact.ArtifactId))
    {
        ["artifact_id"] = artifact.ArtifactId,
        ["tenant_id"] = artifact.TenantId,
        ["type"] = artifact.Type,
        ["key"] = artifact.Key,
        ["version"] = artifact.Version,
        ["stale"] = artifact.Stale,
        ["created_at"] = artifact.CreatedAt,
        ["updated_at"] = artifact.UpdatedAt,
    };

    private static Artifact ToArtifact(TableEntity entity) => new(
        entity.GetString("artifact_id"),
        entity.GetString("tenant_id"),
        entity.GetString("type"),
        entity.GetString("key"),
        entity.GetInt32("version") ?? 0,
        entity.GetBoolean("stale") ?? false,
        entity.GetDateTimeOffset("created_at") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("updated_at") ?? DateTimeOffset.MinValue);

    private static TableEntity VersionEntity(string partition, ArtifactVersion version)
    {
        var data = version.Data.ToJsonString(AutopilotJson.Options);
        if (data.Length > MaxDataChars)
        {
            throw new ArgumentException($"Artifact data of {data.Length} characters exceeds the {MaxDataChars} a version holds.", nameof(version));
        }

        var entity = new TableEntity(partition, VersionRow(version.ArtifactId, version.Version))
        {
            ["artifact_id"] = version.ArtifactId,
            ["version"] = version.Version,
            ["query_hashes"] = Json(version.QueryHashes),
            ["tables"] = Json(version.Tables),
            ["build_id"] = version.BuildId,
            ["created_at"] = version.CreatedAt,
        };
        var parts = data.Chunk(PartChars).Select(c => new string(c)).ToList();
        entity["data_parts"] = parts.Count;
        for (var i = 0; i < parts.Count; i++)
        {
            entity[$"data_{i}"] = parts[i];
        }

        return entity;
    }

    private static ArtifactVersion ToVersion(TableEntity entity)
    {
        var parts = entity.GetInt32("data_parts") ?? 0;
        var data = string.Concat(Enumerable.Range(0, parts).Select(i => entity.GetString($"data_{i}")));
        return new ArtifactVersion(
            entity.GetString("artifact_id"),
            entity.GetInt32("version") ?? 0,
            JsonNode.Parse(data.Length == 0 ? "{}" : data)!.AsObject(),
            JsonSerializer.Deserialize<List<string>>(entity.GetString("query_hashes") ?? "[]", AutopilotJson.Options) ?? [],
            JsonSerializer.Deserialize<List<string>>(entity.GetString("tables") ?? "[]", AutopilotJson.Options) ?? [],
            entity.GetString("build_id") ?? string.Empty,
            entity.GetDateTimeOffset("created_at") ?? DateTimeOffset.MinValue);
    }
}
