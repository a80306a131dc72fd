namespace Autopilot.Core.Agent;

/// <summary>
/// How a planner read the question, checked by the validator against the question and the plan's SQL: the subject
/// counted (users, orders, events), the aggregation, every filter, the window (null for all time), the groupings, the
/// answer shape, and which word produced which element — the words it could not use make it ask instead of answer.
/// </summary>
public sealed record PlanReading(
    string Question,
    string Subject,
    string Aggregation,
    IReadOnlyList<PlanFilterReading> Filters,
    string? Window,
    IReadOnlyList<string> Groupings,
    IReadOnlyList<PlanWord> Words,
    string Interpretation);
