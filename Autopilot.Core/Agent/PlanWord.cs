namespace Autopilot.Core.Agent;

/// <summary>One word of the question and the plan element it produced.</summary>
public sealed record PlanWord(string Word, PlanElement Element);
