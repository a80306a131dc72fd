namespace Autopilot.Core.Llm;

/// <summary>
/// Who a language-model call is made for: the tenant and the task (planner, memo writer, chat intent). Set around a call
/// by the code that knows them; read by <see cref="AccountingChatClient"/>, which sits below the feature code and the
/// OpenAI client and so cannot be told otherwise. An ambient value, because Microsoft.Extensions.AI's pipeline carries
/// no caller context of ours.
/// </summary>
public static class LlmCallScope
{
    private static readonly AsyncLocal<LlmCaller?> Ambient = new();

    /// <summary>The caller of the call in progress on this flow; null when nobody said (recorded as <c>unknown</c>).</summary>
    public static LlmCaller? Current => Ambient.Value;

    /// <summary>Names the caller until the returned scope is disposed.</summary>
    public static IDisposable Begin(string tenantId, string task)
    {
        var previous = Ambient.Value;
        Ambient.Value = new LlmCaller(tenantId, task);
        return new Restore(previous);
    }

    private sealed class Restore(LlmCaller? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
