namespace Autopilot.Core.Chat;

/// <summary>CHAT-4's words for one workflow action: what is queued, the completion summary, what failed.</summary>
public sealed record ChatWorkflowWords(string Queued, string Completed, string Failed)
{
    public static ChatWorkflowWords For(string action) => action switch
    {
        ChatActions.Profile => new("Profiling", "Profile workflow completed.", "Profile"),
        ChatActions.Dashboard => new("Dashboard generation", "Dashboard generation completed.", "Dashboard"),
        ChatActions.Memo => new("Memo generation", "Weekly memo generated.", "Memo"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a workflow action"),
    };
}
