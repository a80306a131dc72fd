namespace Autopilot.Core.Agent.Planning;

/// <summary>What the reader made of a question: a request, or the words it could not use (empty when it simply does not read it).</summary>
internal sealed record QuestionReading(PlanRequest? Request, IReadOnlyList<string> Unused)
{
    /// <summary>Why the data cannot answer for the window the question names (<see cref="Unused"/> are its words); null otherwise.</summary>
    public string? Uncovered { get; init; }
}
