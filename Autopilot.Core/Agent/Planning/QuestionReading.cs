namespace Autopilot.Core.Agent.Planning;

/// <summary>What the reader made of a question: a request, or the words it could not use (empty when it simply does not read it).</summary>
internal sealed record QuestionReading(PlanRequest? Request, IReadOnlyList<string> Unused);
