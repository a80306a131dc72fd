namespace Autopilot.Core.Llm;

/// <summary>The tenant a language-model call is made for, and the task that makes it (<see cref="LlmTasks"/>).</summary>
public sealed record LlmCaller(string TenantId, string Task);
