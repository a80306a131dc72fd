using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Llm;

/// <summary>
/// The one place every language-model call passes (LLM-9's fix: the planner, the memo writer and chat intent alike):
/// before the call, a tenant over its hard-capped budget is refused (<see cref="LlmBudgetExceededException"/>, which the
/// features treat as a model failure and fall back); after it, success or failure, one <see cref="LlmUsage"/> row with the
/// provider's token counts, the latency and the cost. Recording is best effort: a storage hiccup is logged and never
/// fails the answer it accounts for.
/// </summary>
public sealed partial class AccountingChatClient : DelegatingChatClient
{
    private readonly LlmUsageStore _usage;
    private readonly LlmBudgets _budgets;
    private readonly LlmRates _rates;
    private readonly string _provider;
    private readonly string _model;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AccountingChatClient(IChatClient inner, LlmUsageStore usage, LlmBudgets budgets, LlmRates rates, string provider, string model, TimeProvider time, ILogger<AccountingChatClient>? logger = null)
        : base(inner)
    {
        _usage = usage;
        _budgets = budgets;
        _rates = rates;
        _provider = provider;
        _model = model;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var caller = LlmCallScope.Current;
        if (caller is not null && await _budgets.IsBlockedAsync(caller.TenantId, cancellationToken).ConfigureAwait(false))
        {
            throw new LlmBudgetExceededException($"tenant {caller.TenantId} has spent its monthly language-model budget (hard cap): not calling the model");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            await RecordAsync(caller, response.ModelId, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0, clock.Elapsed, null).ConfigureAwait(false);
            return response;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var reason = failure is OperationCanceledException ? "cancelled or timed out" : failure.GetType().Name;
            await RecordAsync(caller, null, 0, 0, clock.Elapsed, reason).ConfigureAwait(false);
            throw;
        }
    }

    private async Task RecordAsync(LlmCaller? caller, string? reportedModel, long input, long output, TimeSpan latency, string? error)
    {
        var model = string.IsNullOrEmpty(reportedModel) ? _model : reportedModel;
        var usage = new LlmUsage(
            caller?.TenantId ?? LlmTasks.Unknown,
            caller?.Task ?? LlmTasks.Unknown,
            _provider,
            model,
            input,
            output,
            Math.Round(latency.TotalMilliseconds, 2),
            _rates.Cost(model, input, output),
            error is null,
            error,
            _time.GetUtcNow());
        try
        {
            await _usage.AddAsync(usage, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is Azure.RequestFailedException or HttpRequestException or TimeoutException)
        {
            LogNotRecorded(_logger, usage.TenantId, usage.Task, failure.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Language-model usage of {Tenant} ({Task}) was not recorded: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string tenant, string task, string reason);
}
