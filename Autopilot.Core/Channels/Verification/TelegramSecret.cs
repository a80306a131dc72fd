using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Channels.Verification;

/// <summary>CHAN-3: the webhook's secret header must equal <c>TELEGRAM_WEBHOOK_SECRET</c>, compared in constant time; unset → never.</summary>
public static class TelegramSecret
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    public static bool IsValid(string configured, string? sent) =>
        !string.IsNullOrEmpty(configured) && sent is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(sent)));
}
