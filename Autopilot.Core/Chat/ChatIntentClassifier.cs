using System.Globalization;
using System.Text.Json;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Chat;

/// <summary>
/// CHAT-1/2: reads a message's intent. With a language model configured it asks the accounted chat client for strict JSON
/// <c>{action, sql, reason}</c> (task <c>intent_classification</c>, so every call is recorded); an answer that is not
/// such an object, a failed call or a tenant over its hard-capped budget falls back to <see cref="ChatKeywords"/> with
/// <see cref="FallbackReason"/>.
/// </summary>
public sealed partial class ChatIntentClassifier
{
    public const string FallbackReason = "fallback_intent_classifier";

    private const string Instructions =
        "You route messages sent to a data team's assistant. Choose one action: \"query\" (a question answered with SQL over " +
        "the warehouse), \"profile\" (profile or introspect the warehouse schema), \"dashboard\" (build a dashboard or charts), " +
        "\"memo\" (write the weekly business memo). Answer with one JSON object only, no prose: " +
        "{\"action\": \"query|profile|dashboard|memo\", \"sql\": \"one read-only BigQuery SELECT, only for query, else null\", \"reason\": \"a short reason\"}.";

    private readonly IChatClient? _chat;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="chat">The accounted model client; null when no model is configured (keywords only).</param>
    public ChatIntentClassifier(IChatClient? chat, LlmPlannerOptions? options, TimeProvider time, ILogger<ChatIntentClassifier>? logger = null)
    {
        _chat = chat;
        _timeout = options?.Timeout ?? TimeSpan.FromSeconds(30);
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public bool LlmConfigured => _chat is not null;

    public async Task<ChatIntent> ClassifyAsync(string tenantId, string message, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_chat is null)
        {
            return new ChatIntent(ChatKeywords.Classify(message), FallbackReason, LlmConfigured: false);
        }

        string? answer;
        using (LlmCallScope.Begin(tenantId, LlmTasks.IntentClassification))
        using (var timeout = new CancellationTokenSource(_timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token))
        {
            try
            {
                var options = new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json };
                answer = (await _chat.GetResponseAsync([new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, message)], options, linked.Token).ConfigureAwait(false)).Text;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                LogFallback(_logger, failure is OperationCanceledException
                    ? string.Create(CultureInfo.InvariantCulture, $"no answer within {_timeout.TotalSeconds:0.#} s")
                    : failure.GetType().Name);
                return new ChatIntent(ChatKeywords.Classify(message), FallbackReason, LlmConfigured: true);
            }
        }

        if (Parse(answer) is { } read)
        {
            return read;
        }

        LogFallback(_logger, "the answer is not a JSON object with a known action");
        return new ChatIntent(ChatKeywords.Classify(message), FallbackReason, LlmConfigured: true);
    }

    /// <summary>The model's answer as an intent, or null unless it is a JSON object whose <c>action</c> is one of <see cref="ChatActions.All"/>.</summary>
    public static ChatIntent? Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String
                || !ChatActions.All.Contains(action.GetString()!.Trim().ToLowerInvariant()))
            {
                return null;
            }

            var chosen = action.GetString()!.Trim().ToLowerInvariant();
            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String && r.GetString()!.Trim().Length > 0
                ? r.GetString()!.Trim()
                : "llm_intent_classifier";
            var sql = chosen == ChatActions.Query && root.TryGetProperty("sql", out var s) && s.ValueKind == JsonValueKind.String && s.GetString()!.Trim().Length > 0
                ? s.GetString()!.Trim()
                : null;
            if (sql is not null)
            {
                // The model's SQL is never run as such: the question goes through the agent run, the one safe path.
                reason += " (suggested SQL not run directly: the question goes through the agent run's planner, validator, critic and gate)";
            }

            return new ChatIntent(chosen, reason, LlmConfigured: true, sql);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat intent: the language model failed ({Reason}); the keyword classifier is used")]
    private static partial void LogFallback(ILogger logger, string reason);
}
