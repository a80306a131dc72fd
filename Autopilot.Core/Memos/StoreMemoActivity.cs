using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Engine;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>
/// Stores the memo as the next version of the tenant's one memo artifact (MEMO-14, ART-2): data
/// <c>{packet, memo, packet_hash, validation, series}</c>, one query hash per KPI (SHA-256 of its SQL) and the tables
/// those queries read. The run's workflow id is the build id, so a replayed, retried or resumed run gets the version
/// it already made instead of adding one.
/// </summary>
public sealed class StoreMemoActivity : TaskActivity<MemoStoreInput, PublishedMemo>
{
    /// <summary>The memo's artifact key: one weekly memo per tenant.</summary>
    public const string ArtifactKey = "weekly";

    private readonly ArtifactStore _artifacts;

    public StoreMemoActivity(ArtifactStore artifacts) => _artifacts = artifacts;

    public override async Task<PublishedMemo> RunAsync(TaskActivityContext context, MemoStoreInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = input.Written.Validation;
        var data = new JsonObject
        {
            ["packet"] = JsonSerializer.SerializeToNode(input.Packet, AutopilotJson.Options),
            ["memo"] = input.Written.Memo.DeepClone(),
            ["packet_hash"] = input.PacketHash,
            ["validation"] = new JsonObject
            {
                ["passed"] = validation.Passed,
                ["warnings"] = new JsonArray([.. validation.Warnings.Select(w => (JsonNode)w)]),
                ["errors"] = new JsonArray([.. validation.Errors.Select(e => (JsonNode)e)]),
            },
            ["writer"] = input.Written.Writer,
            ["attempts"] = input.Written.Attempts,
            ["series"] = JsonSerializer.SerializeToNode(input.Series, AutopilotJson.Options),
        };
        var draft = new ArtifactDraft(ArtifactTypes.Memo, ArtifactKey, input.WorkflowId, data, input.QueryHashes, input.Tables);
        var version = await _artifacts.PublishAsync(input.TenantId, draft, CancellationToken.None);
        return new PublishedMemo(version.ArtifactId, version.Version);
    }
}
