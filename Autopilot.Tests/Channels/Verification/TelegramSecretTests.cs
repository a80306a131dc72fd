using Autopilot.Core.Channels.Verification;

namespace Autopilot.Tests.Channels.Verification;

/// <summary>CHAN-3: the Telegram secret header must equal the configured secret; an unset secret refuses everything.</summary>
public sealed class TelegramSecretTests
{
    [Theory]
    [InlineData("s3cret", "s3cret", true)]
    [InlineData("s3cret", "s3cre", false)]
    [InlineData("s3cret", "s3cret ", false)]
    [InlineData("s3cret", "S3CRET", false)]
    [InlineData("s3cret", null, false)]
    [InlineData("s3cret", "", false)]
    [InlineData("", "", false)]
    [InlineData("", null, false)]
    public void Only_the_configured_secret_passes_and_an_unset_secret_passes_nothing(string configured, string? sent, bool valid)
    {
        Assert.Equal(valid, TelegramSecret.IsValid(configured, sent));
    }
}
