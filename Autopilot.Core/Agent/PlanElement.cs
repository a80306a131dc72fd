namespace Autopilot.Core.Agent;

/// <summary>What a word of the question became in a plan; <see cref="Filler"/> for words that carry no meaning of their own.</summary>
public enum PlanElement
{
    Filler,
    Measure,
    Entity,
    Filter,
    Grouping,
    Window,
    Ordering,
    Limit,
}
