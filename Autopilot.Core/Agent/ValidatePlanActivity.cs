using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>Validator stage: tables and columns exist, join keys are compatible, time columns present, no raw PII.</summary>
public sealed class ValidatePlanActivity : TaskActivity<ValidateRequest, IReadOnlyList<string>>
{
    private readonly AgentCatalogLoader _catalog;
    private readonly AgentTransitions _transitions;
    private readonly IPlanValidator _validator;

    public ValidatePlanActivity(AgentCatalogLoader catalog, AgentTransitions transitions, IPlanValidator validator)
    {
        _catalog = catalog;
        _validator = validator;
        _transitions = transitions;
    }

    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, ValidateRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _transitions.EnterAsync(input.TenantId, input.RunId, AgentStage.Validating, input.Attempt);
        var catalog = await _catalog.LoadAsync(input.TenantId, CancellationToken.None);
        return _validator.Validate(input.Plan, catalog);
    }
}
