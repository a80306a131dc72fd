namespace Autopilot.Core.Chat;

/// <summary>What a chat message asks for (CHAT-1/2's <c>intent_action</c>).</summary>
public static class ChatActions
{
    public const string Query = "query";
    public const string Profile = "profile";
    public const string Dashboard = "dashboard";
    public const string Memo = "memo";

    public static IReadOnlyList<string> All { get; } = [Query, Profile, Dashboard, Memo];
}
