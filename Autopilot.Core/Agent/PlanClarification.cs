namespace Autopilot.Core.Agent;

/// <summary>
/// The answer when the question cannot be read completely: the words no plan element used (or values the data does not
/// hold), and the closest questions that can be answered.
/// </summary>
public sealed record PlanClarification(string Summary, IReadOnlyList<string> UnusedWords, IReadOnlyList<string> Suggestions);
