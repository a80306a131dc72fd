using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Agent.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Memos;

/// <summary>
/// The language-model writer (MEMO-10) over the configured <see cref="IChatClient"/>, with the strict memo schema. Any
/// failure — the service, a timeout, an answer that is not JSON or whose five sections are not all lists — yields the
/// deterministic memo for that attempt instead (MEMO-10/11).
/// </summary>
public sealed partial class LlmMemoWriter : IMemoWriter
{
    private readonly IChatClient _chat;
    private readonly LlmPlannerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LlmMemoWriter(IChatClient chat, LlmPlannerOptions options, TimeProvider? time = null, ILogger<LlmMemoWriter>? logger = null)
    {
        _chat = chat;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public const string Name = "llm";

    public async Task<MemoDraft> WriteAsync(MemoPacket packet, IReadOnlyList<string> previousErrors, CancellationToken cancellation)
    {
        var chatOptions = new ChatOptions
        {
            Temperature = (float)_options.Temperature,
            ResponseFormat = MemoSchema.ResponseFormat,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["strict"] = true },
        };
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        string? answer;
        try
        {
            answer = (await _chat.GetResponseAsync(MemoPrompt.Messages(packet, previousErrors), chatOptions, linked.Token).ConfigureAwait(false)).Text;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            LogFallback(_logger, failure is OperationCanceledException
                ? string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.Timeout.TotalSeconds:0.#} s")
                : failure.GetType().Name + ": " + failure.Message);
            return new MemoDraft(DeterministicMemoWriter.Write(packet), DeterministicMemoWriter.Name);
        }

        if (Parse(answer) is { } memo)
        {
            return new MemoDraft(memo, Name);
        }

        LogFallback(_logger, "the answer is not a JSON object whose five sections are lists");
        return new MemoDraft(DeterministicMemoWriter.Write(packet), DeterministicMemoWriter.Name);
    }

    /// <summary>The answer as a memo, or null when it is not a JSON object with MEMO-9's five list-valued sections.</summary>
    public static JsonObject? Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(answer) is JsonObject memo && MemoSchema.Sections.All(s => memo[s] is JsonArray) ? memo : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Memo writer: the language model failed ({Reason}); the deterministic memo is used")]
    private static partial void LogFallback(ILogger logger, string reason);
}
