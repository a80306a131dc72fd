using Autopilot.Core.Agent.Planning;

namespace Autopilot.Core.Agent;

/// <summary>The validator stage's checks (see <see cref="PlanValidator"/>) behind the seam the activity uses.</summary>
public sealed class CatalogPlanValidator : IPlanValidator
{
    public IReadOnlyList<string> Validate(AgentPlan plan, AgentCatalog catalog) => PlanValidator.Validate(plan, catalog);
}
