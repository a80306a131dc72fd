using Microsoft.Extensions.AI;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>
/// An <see cref="IChatClient"/> that answers from a queue of scripted replies (text, or an exception to throw) and
/// records every prompt and option it was sent. A reply of <see cref="Hang"/> waits until the call is cancelled.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    public static readonly object Hang = new();

    private readonly Queue<object> _replies = new();
    private readonly List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> _calls = [];

    public ScriptedChatClient(params object[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    public IReadOnlyList<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls => _calls;

    /// <summary>Everything every call sent, all messages joined: what an assertion about the prompt reads.</summary>
    public string AllPromptText => string.Join("\n", _calls.SelectMany(c => c.Messages).Select(m => m.Role.Value + ": " + m.Text));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        _calls.Add((messages.ToList(), options));
        var reply = _replies.Count > 0 ? _replies.Dequeue() : throw new InvalidOperationException("The script has no more replies.");
        switch (reply)
        {
            case Exception failure:
                throw failure;
            case var _ when ReferenceEquals(reply, Hang):
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            default:
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, (string)reply));
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The planner does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
