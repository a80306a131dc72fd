namespace Autopilot.Core.Agent;

/// <summary>Turns a question into a plan over the tenant's catalog; null when it cannot (the run then says what it can answer).</summary>
public interface IQuestionPlanner
{
    /// <param name="previousErrors">Validation errors of the previous plan, when this is a replan.</param>
    Task<AgentPlan?> PlanAsync(string question, AgentCatalog catalog, IReadOnlyList<string> previousErrors, CancellationToken cancellation);
}
