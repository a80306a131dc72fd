using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Connectors;

/// <summary>
/// Re-encrypts one page of credentials onto the current key. Idempotent: the page's query selects only credentials not
/// yet under the current key, and each row is replaced only if unchanged since read.
/// </summary>
public sealed class ReencryptCredentialsActivity : TaskActivity<ReencryptPageInput, ReencryptPageResult>
{
    private readonly ConnectionStore _connections;
    private readonly CredentialProtector _protector;

    public ReencryptCredentialsActivity(ConnectionStore connections, CredentialProtector protector)
    {
        _connections = connections;
        _protector = protector;
    }

    public override Task<ReencryptPageResult> RunAsync(TaskActivityContext context, ReencryptPageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // During a rolling key change a replica may still have the old current key: re-encrypting there would undo the
        // pass. Refuse as transient, so the retry can land on an updated replica.
        if (input.KeyId != _protector.Keys.CurrentKeyId)
        {
            throw new WorkflowStepException(
                FailureClass.TransientError,
                $"this replica's current credential key is '{_protector.Keys.CurrentKeyId}', the pass targets '{input.KeyId}': give every replica the same {CredentialKeyRing.KeyIdSetting}");
        }

        return _connections.ReencryptPageAsync(input, CancellationToken.None);
    }
}
