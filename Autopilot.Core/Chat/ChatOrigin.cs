namespace Autopilot.Core.Chat;

/// <summary>Where a chat turn came from: the HTTP route, the console, or a chat channel (its replies are posted back there).</summary>
public enum ChatOrigin
{
    Api,
    Console,
    Slack,
    Telegram,
}
