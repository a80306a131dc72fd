using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>
/// Webhook request headers: <see cref="SignatureHeader"/> = <c>sha256=</c> + hex HMAC-SHA256 of the exact body bytes under
/// the channel's secret; <see cref="TimestampHeader"/> = Unix seconds when sent; <see cref="IdempotencyHeader"/> = the
/// notification id, the same on every attempt, so a receiver can drop a repeat delivery.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Autopilot-Signature";
    public const string TimestampHeader = "X-Autopilot-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>A receiver's check, in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));
}
