using Autopilot.Core.Channels.Messages;
using Autopilot.Core.Chat;
using Microsoft.DurableTask;

namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// Answers one channel message without holding its webhook open (issue 13 item 3): start the chat turn; while its reply is
/// provisional, a durable timer and a read of the final one, backing off, up to <see cref="Deadline"/> (then the provisional
/// reply is posted with a "still running" line); then post the reply. The instance id is derived from the channel's own
/// event id (<see cref="InstanceIds"/>), so a redelivered event starts nothing twice.
/// </summary>
public sealed class ChannelReplyOrchestration : TaskOrchestrator<ChannelReplyInput, ChannelReplyResult>
{
    /// <summary>How long a reply may wait for its work before the channel is told it is still running.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    /// <summary>What the channel is told when the chat turn failed past its retries.</summary>
    public const string CouldNotAnswer = "Sorry, I could not answer that: something failed on my side while working on it. Please try again in a few minutes.";

    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(30);

    /// <summary>Storage or chat hiccups are retried a few times; the channel API's failures too (not forever: 4 attempts over ~15 s).</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(8)));

    public override async Task<ChannelReplyResult> RunAsync(TaskOrchestrationContext context, ChannelReplyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        string text;
        bool final;
        try
        {
            (text, final) = input.Turn is { } turn ? await AnswerAsync(context, input, turn) : (input.FixedText ?? string.Empty, true);
        }
        catch (TaskFailedException)
        {
            // The chat turn failed past its retries: the person who asked still hears back, not silence.
            (text, final) = (CouldNotAnswer, false);
        }

        var posted = await context.CallActivityAsync<bool>(nameof(PostChannelReplyActivity),
            new PostChannelReplyInput(context.InstanceId, input.Turn?.TenantId, input.Destination, text), Retry);
        return new ChannelReplyResult(text, posted, final);
    }

    /// <summary>The still-running line: names the work so the user can find it in the console or the API.</summary>
    public static string StillRunning(ChatReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return $"{ChannelReplyFormatter.Format(reply)}\nStill running after {Deadline.TotalMinutes:0} minutes: see workflow {reply.PendingWorkflowId} in the console.";
    }

    private static async Task<(string Text, bool Final)> AnswerAsync(TaskOrchestrationContext context, ChannelReplyInput input, ChatTurn turn)
    {
        var reply = await context.CallActivityAsync<ChatReply>(nameof(StartChannelChatActivity), input, Retry);
        var deadline = context.CurrentUtcDateTime + Deadline;
        var poll = FirstPoll;
        while (reply.PendingWorkflowId is not null)
        {
            if (context.CurrentUtcDateTime + poll > deadline)
            {
                return (StillRunning(reply), false);
            }

            await context.CreateTimer(context.CurrentUtcDateTime + poll, CancellationToken.None);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
            if (await context.CallActivityAsync<ChatReply?>(nameof(CompleteChannelChatActivity), new CompleteChannelChatInput(turn, reply), Retry) is { } done)
            {
                reply = done;
            }
        }

        return (ChannelReplyFormatter.Format(reply), true);
    }
}
