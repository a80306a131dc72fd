namespace Autopilot.Core.Channels.Bindings;

/// <summary>The identities a binding may name (CHAN-9), in the order the 400 message lists them.</summary>
public static class BindingTypes
{
    public const string SlackTeam = "slack_team";
    public const string SlackUser = "slack_user";
    public const string TelegramChat = "telegram_chat";
    public const string TelegramUser = "telegram_user";

    public static IReadOnlyList<string> All { get; } = [SlackTeam, SlackUser, TelegramChat, TelegramUser];

    /// <summary>The seed's exact 400 text (a Python list's repr).</summary>
    public static string InvalidMessage { get; } = "invalid binding_type; allowed: [" + string.Join(", ", All.Select(t => $"'{t}'")) + "]";

    public static bool IsAllowed(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
