namespace Autopilot.Core.Agent;

/// <summary>Checks a plan against the catalog before anything runs; human-readable errors, empty when valid.</summary>
public interface IPlanValidator
{
    IReadOnlyList<string> Validate(AgentPlan plan, AgentCatalog catalog);
}
