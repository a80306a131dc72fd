namespace Autopilot.Core.Memos;

/// <summary>
/// MEMO-12/13: up to <see cref="MaxAttempts"/> rounds of write → validate, stopping at the first that passes; each retry
/// is told the previous round's errors. When all fail, the raw-metrics fallback is stored with the last failing validation.
/// </summary>
public static class MemoComposer
{
    public const int MaxAttempts = 3;
    public const string FallbackWriter = "fallback";

    public static async Task<MemoWriteResult> ComposeAsync(IMemoWriter writer, MemoPacket packet, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(packet);
        IReadOnlyList<string> errors = [];
        MemoValidation? last = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var draft = await writer.WriteAsync(packet, errors, cancellation);
            var validation = MemoValidator.Validate(packet, draft.Memo);
            if (validation.Passed)
            {
                return new MemoWriteResult(draft.Memo, validation, attempt, draft.Writer);
            }

            (errors, last) = (validation.Errors, validation);
        }

        return new MemoWriteResult(MemoFallback.For(packet), last!, MaxAttempts, FallbackWriter);
    }
}
