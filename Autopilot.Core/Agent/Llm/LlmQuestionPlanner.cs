using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// Plans with a language model: the prompt carries only sanitized identifiers and aggregated statistics of the catalog
/// and the user's cleaned question; the answer must be a JSON plan (strict schema) and is read defensively. Any failure,
/// of the service or of the answer, is logged and gives null; nothing is executed here.
/// </summary>
public sealed partial class LlmQuestionPlanner : IQuestionPlanner
{
    private readonly IChatClient _chat;
    private readonly LlmPlannerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LlmQuestionPlanner(IChatClient chat, LlmPlannerOptions options, TimeProvider? time = null, ILogger<LlmQuestionPlanner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(options);
        _chat = chat;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Longest SQL accepted in one step.</summary>
    public int MaxSqlLength { get; init; } = LlmPlanReader.DefaultMaxSqlLength;

    public async Task<AgentPlan?> PlanAsync(string question, AgentCatalog catalog, IReadOnlyList<string> previousErrors, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var prompt = PlannerPrompt.Build(question ?? string.Empty, catalog, previousErrors ?? [], MaxSqlLength);
        if (prompt.Catalog.OmittedIdentifiers > 0 || prompt.Catalog.OmittedTables > 0)
        {
            LogOmitted(_logger, prompt.Catalog.OmittedTables, prompt.Catalog.OmittedIdentifiers);
        }

        var chatOptions = new ChatOptions
        {
            Temperature = (float)_options.Temperature,
            ResponseFormat = LlmPlanSchema.ResponseFormat,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["strict"] = true },
        };

        string? answer;
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        try
        {
            var response = await _chat.GetResponseAsync(prompt.Messages, chatOptions, linked.Token).ConfigureAwait(false);
            answer = response.Text;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogUnavailable(_logger, string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.Timeout.TotalSeconds:0.#} s"));
            return null;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // The service's failures (HTTP errors, network, content filters) end planning; the run reports no plan.
            LogUnavailable(_logger, failure.GetType().Name + ": " + failure.Message);
            return null;
        }

        var reading = LlmPlanReader.Read(answer, MaxSqlLength);
        if (reading.Plan is null)
        {
            LogRejected(_logger, reading.Rejection ?? "unknown");
        }

        // The same accounting as every planner's plan: the model says which word produced which element.
        return reading.Plan is { } plan ? plan with { Reading = LlmReadingParser.Parse(answer, question ?? string.Empty) } : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM planner left out {Tables} tables and {Identifiers} names that are not plain identifiers")]
    private static partial void LogOmitted(ILogger logger, int tables, int identifiers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM planner: the language model is unavailable ({Reason}); no plan")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM planner: the model's answer was rejected ({Reason}); no plan")]
    private static partial void LogRejected(ILogger logger, string reason);
}
