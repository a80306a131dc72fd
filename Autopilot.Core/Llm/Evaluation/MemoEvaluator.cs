using System.Text.Json.Nodes;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Memos;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>
/// LLM-10: generates memos from one packet with every provider — the primary model when configured, plus the evaluation
/// providers — using the memo writer's own prompt and schema (<see cref="MemoPrompt"/>, <see cref="MemoSchema"/>,
/// <see cref="LlmMemoWriter.Parse"/>) and grades each with the memo validator (MEMO-15..18). Every call goes through an
/// <see cref="AccountingChatClient"/> named after its provider, accounted as task <c>memo_evaluation</c>.
/// </summary>
public sealed partial class MemoEvaluator
{
    public const string InvalidStructure = "Invalid JSON structure";

    private readonly IReadOnlyList<EvalClient> _providers;
    private readonly TimeProvider _time;

    public MemoEvaluator(IReadOnlyList<EvalClient> providers, TimeProvider time)
    {
        _providers = providers;
        _time = time;
    }

    /// <summary>A provider as the evaluator calls it.</summary>
    public sealed record EvalClient(string Name, string Model, IChatClient Chat, TimeSpan Timeout, double Temperature);

    /// <summary>The primary client (keyed, already accounted as <c>primary</c>) and one accounted client per evaluation provider.</summary>
    public static MemoEvaluator Create(IChatClient? primary, LlmPlannerOptions? primaryOptions, LlmEvalOptions eval, LlmUsageStore usage, LlmBudgets budgets, LlmRates rates, TimeProvider time, ILoggerFactory? loggers)
    {
        ArgumentNullException.ThrowIfNull(eval);
        var logger = loggers?.CreateLogger<MemoEvaluator>() ?? (ILogger)NullLogger.Instance;
        foreach (var skipped in eval.Skipped)
        {
            LogSkipped(logger, skipped);
        }

        var providers = new List<EvalClient>();
        if (primary is not null && primaryOptions is not null)
        {
            providers.Add(new EvalClient(LlmServiceCollectionExtensions.PrimaryProvider, primaryOptions.Model, primary, primaryOptions.Timeout, primaryOptions.Temperature));
        }

        foreach (var p in eval.Providers.Where(p => p.Name != LlmServiceCollectionExtensions.PrimaryProvider))
        {
            var options = new LlmPlannerOptions { Model = p.Model, ApiKey = p.ApiKey, BaseUrl = p.BaseUrl, Timeout = p.Timeout, Temperature = p.Temperature };
            var chat = new AccountingChatClient(LlmChatClientFactory.Create(options), usage, budgets, rates, p.Name, p.Model, time, loggers?.CreateLogger<AccountingChatClient>());
            providers.Add(new EvalClient(p.Name, p.Model, chat, p.Timeout, p.Temperature));
        }

        return new MemoEvaluator(providers, time);
    }

    public IReadOnlyList<EvalClient> Providers => _providers;

    /// <summary>Each provider's statistics over <paramref name="runs"/> generations (providers in parallel), by real name.</summary>
    public async Task<IReadOnlyDictionary<string, MemoProviderStats>> EvaluateAsync(string tenantId, MemoPacket packet, int runs, CancellationToken cancellation)
    {
        using var caller = LlmCallScope.Begin(tenantId, LlmTasks.MemoEvaluation);
        var results = await Task.WhenAll(_providers.Select(async provider =>
        {
            var outcomes = new List<MemoRunOutcome>();
            for (var run = 1; run <= runs; run++)
            {
                outcomes.Add(await RunOnceAsync(provider, packet, run, cancellation));
            }

            return (provider.Name, Stats: MemoProviderStats.Of(outcomes));
        }));
        return results.ToDictionary(r => r.Name, r => r.Stats, StringComparer.Ordinal);
    }

    private async Task<MemoRunOutcome> RunOnceAsync(EvalClient provider, MemoPacket packet, int run, CancellationToken cancellation)
    {
        var started = _time.GetTimestamp();
        double Latency() => Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 2);
        var options = new ChatOptions
        {
            Temperature = (float)provider.Temperature,
            ResponseFormat = MemoSchema.ResponseFormat,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["strict"] = true },
        };
        string? answer;
        using (var timeout = new CancellationTokenSource(provider.Timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token))
        {
            try
            {
                answer = (await provider.Chat.GetResponseAsync(MemoPrompt.Messages(packet, []), options, linked.Token).ConfigureAwait(false)).Text;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                // The type and, for HTTP failures, the status — never the request, which could echo the key.
                var error = failure switch
                {
                    OperationCanceledException => "no answer within the provider's timeout",
                    LlmBudgetExceededException => "over the tenant's hard-capped language-model budget",
                    System.ClientModel.ClientResultException http => $"HTTP {http.Status} from the provider",
                    _ => failure.GetType().Name,
                };
                return new MemoRunOutcome(run, Latency(), error);
            }
        }

        var latency = Latency();
        if (LlmMemoWriter.Parse(answer) is not { } memo)
        {
            return new MemoRunOutcome(run, latency, InvalidStructure);
        }

        var keys = memo.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var validation = MemoValidator.Validate(packet, (JsonObject)memo.DeepClone());
        return new MemoRunOutcome(
            run,
            latency,
            null,
            NumberErrors: validation.Errors.Count(e => e.Contains(" mismatch for ", StringComparison.Ordinal)),
            MetricErrors: validation.Errors.Count(e => e.StartsWith("Unknown metric", StringComparison.Ordinal)),
            CoverageWarnings: validation.Warnings.Count(w => w.StartsWith("Missing notable metrics", StringComparison.Ordinal)),
            CauseErrors: validation.Errors.Count(e => e.StartsWith("Invalid evidence_type", StringComparison.Ordinal))
                + validation.Warnings.Count(w => w == MemoValidator.DowngradeWarning),
            MemoKeys: keys);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM_EVAL_PROVIDERS_JSON: an entry was skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
