using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Artifacts;

/// <summary>
/// Artifacts and their immutable versions, one partition per tenant. Publishing writes the head, the new version and a
/// marker for the build in one entity-group transaction, so a version exists exactly when its head says so, a crash
/// leaves either all or none, and a build that publishes again (a retried activity) finds its marker and gets the
/// version it already made. Concurrent builds of one artifact serialise on the head's ETag.
/// </summary>
public sealed partial class ArtifactStore
{
    private const string TableName = "Artifacts";
    private const int MaxAttempts = 8;
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public ArtifactStore(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>Creates version 1 of the (type, key) artifact or the next version of it; idempotent per build.</summary>
    public async Task<ArtifactVersion> PublishAsync(string tenantId, ArtifactDraft draft, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!ArtifactTypes.IsKnown(draft.Type))
        {
            throw new ArgumentException($"Unknown artifact type '{draft.Type}'.", nameof(draft));
        }

        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        for (var attempt = 1; ; attempt++)
        {
            if (await PublishedByAsync(table, tenantId, draft.BuildId, cancellation) is { } done)
            {
                return done;
            }

            var now = _time.GetUtcNow();
            var pointer = await FindAsync(table, partition, KeyRow(draft.Type, draft.Key), cancellation);
            List<TableTransactionAction> actions;
            ArtifactVersion version;
            if (pointer is null)
            {
                var artifactId = Ids.New("art");
                version = new ArtifactVersion(artifactId, 1, draft.Data, draft.QueryHashes, draft.Tables, draft.BuildId, now);
                var head = new Artifact(artifactId, tenantId, draft.Type, draft.Key, 1, Stale: false, now, now);
                actions =
                [
                    new(TableTransactionActionType.Add, new TableEntity(partition, KeyRow(draft.Type, draft.Key)) { ["artifact_id"] = artifactId }),
                    new(TableTransactionActionType.Add, HeadEntity(head)),
                ];
            }
            else
            {
                var headEntity = await FindAsync(table, partition, HeadRow(pointer.GetString("artifact_id")), cancellation)
                    ?? throw new InvalidOperationException($"Artifact pointer {draft.Type}/{draft.Key} names a missing head.");
                var head = ToArtifact(headEntity);
                // A new version is built from the warehouse as it is now: whatever made the old one stale no longer holds (CONN-9 fix).
                var next = head with { Version = head.Version + 1, Stale = false, UpdatedAt = now };
                version = new ArtifactVersion(head.ArtifactId, next.Version, draft.Data, draft.QueryHashes, draft.Tables, draft.BuildId, now);
                actions = [new(TableTransactionActionType.UpdateReplace, HeadEntity(next), headEntity.ETag)];
            }

            actions.Add(new(TableTransactionActionType.Add, VersionEntity(partition, version)));
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, BuildRow(draft.BuildId))
            {
                ["artifact_id"] = version.ArtifactId,
                ["version"] = version.Version,
            }));
            try
            {
                await TableBatch.SubmitAtomicAsync(table, actions, cancellation);
                return version;
            }
            catch (TableTransactionFailedException ex) when ((ex.Status is 409 or 412) && attempt < MaxAttempts)
            {
                // Another build (or this one, retried) won the race: read again.
            }
        }
    }

    /// <summary>The artifact with this id, or null.</summary>
    public async Task<Artifact?> GetAsync(string tenantId, string artifactId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return await FindAsync(table, TableKey.Escape(tenantId), HeadRow(artifactId), cancellation) is { } entity ? ToArtifact(entity) : null;
    }

    /// <summary>The (type, key) artifact, or null before its first build.</summary>
    public async Task<Artifact?> FindByKeyAsync(string tenantId, string type, string key, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var pointer = await FindAsync(table, TableKey.Escape(tenantId), KeyRow(type, key), cancellation);
        return pointer is null ? null : await GetAsync(tenantId, pointer.GetString("artifact_id"), cancellation);
    }

    /// <summary>ART-4: the tenant's artifacts newest-created first, optionally of one type.</summary>
    public async Task<IReadOnlyList<Artifact>> ListAsync(string tenantId, string? type, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var artifacts = new List<Artifact>();
        await foreach (var entity in table.QueryAsync<TableEntity>(RangeFilter(TableKey.Escape(tenantId), HeadPrefix), cancellationToken: cancellation))
        {
            var artifact = ToArtifact(entity);
            if (type is null || string.Equals(artifact.Type, type, StringComparison.Ordinal))
            {
                artifacts.Add(artifact);
            }
        }

        return artifacts.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.ArtifactId, StringComparer.Ordinal).ToList();
    }

    /// <summary>ART-5: every version ascending; an unknown id has none.</summary>
    public async Task<IReadOnlyList<ArtifactVersion>> VersionsAsync(string tenantId, string artifactId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var versions = new List<ArtifactVersion>();
        await foreach (var entity in table.QueryAsync<TableEntity>(RangeFilter(TableKey.Escape(tenantId), VersionPrefix(artifactId)), cancellationToken: cancellation))
        {
            versions.Add(ToVersion(entity));
        }

        return versions.OrderBy(v => v.Version).ToList();
    }

    /// <summary>ART-5, one page at a time: versions ascending (their row keys sort by version), from the cursor on.</summary>
    public async Task<ItemPage<ArtifactVersion>> VersionsPageAsync(string tenantId, string artifactId, PageQuery page, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var rows = await TablePaging.PageAsync(table, RangeFilter(TableKey.Escape(tenantId), VersionPrefix(artifactId)), page, cancellation);
        return new ItemPage<ArtifactVersion>(rows.Items.Select(ToVersion).ToList(), rows.NextCursor);
    }

    public async Task<ArtifactVersion?> VersionAsync(string tenantId, string artifactId, int version, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return await FindAsync(table, TableKey.Escape(tenantId), VersionRow(artifactId, version), cancellation) is { } entity ? ToVersion(entity) : null;
    }

    /// <summary>ART-9 / CONN-5: marks every artifact of the tenant stale (its warehouse was disconnected); the next version clears it.</summary>
    public async Task<int> MarkAllStaleAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var marked = 0;
        foreach (var artifact in await ListAsync(tenantId, type: null, cancellation))
        {
            if (!artifact.Stale)
            {
                var patch = new TableEntity(TableKey.Escape(tenantId), HeadRow(artifact.ArtifactId)) { ["stale"] = true };
                await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellation);
                marked++;
            }
        }

        return marked;
    }

    private async Task<ArtifactVersion?> PublishedByAsync(TableClient table, string tenantId, string buildId, CancellationToken cancellation)
    {
        var marker = await FindAsync(table, TableKey.Escape(tenantId), BuildRow(buildId), cancellation);
        return marker is null
            ? null
            : await VersionAsync(tenantId, marker.GetString("artifact_id"), marker.GetInt32("version") ?? 0, cancellation);
    }

    private static async Task<TableEntity?> FindAsync(TableClient table, string partition, string row, CancellationToken cancellation)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellation);
        return found.HasValue ? found.Value : null;
    }

    private static string RangeFilter(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");

    private const string HeadPrefix = "a|";

    private static string HeadRow(string artifactId) => HeadPrefix + TableKey.Escape(artifactId);

    private static string KeyRow(string type, string key) => $"k|{type}|{TableKey.Escape(key)}";

    private static string BuildRow(string buildId) => "b|" + TableKey.Escape(buildId);

    private static string VersionPrefix(string artifactId) => $"v|{TableKey.Escape(artifactId)}|";

    private static string VersionRow(string artifactId, int version) => VersionPrefix(artifactId) + version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AutopilotJson.Options);
}
