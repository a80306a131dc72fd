using Autopilot.Core.Channels.Messages;

namespace Autopilot.Tests.Channels.Messages;

/// <summary>CHAN-4: mentions removed, a leading <c>/ask</c> dropped, a leading <c>org:</c> word read as the requested org.</summary>
public sealed class ChannelMessageParserTests
{
    [Theory]
    [InlineData("  how many orders?  ", null, "how many orders?")]
    [InlineData("<@U0BOT> how many orders?", null, "how many orders?")]
    [InlineData("<@U0BOT|autopilot>  <@U2> show dau", null, "show dau")]
    [InlineData("/ask how many orders?", null, "how many orders?")]
    [InlineData("/ask org:acme how many orders?", "acme", "how many orders?")]
    [InlineData("org:acme   show   dau ", "acme", "show   dau")]
    [InlineData("<@U0BOT> org:acme show dau", "acme", "show dau")]
    [InlineData("org:acme", "acme", "")]
    [InlineData("org: show dau", null, "show dau")]
    [InlineData("/ask", null, "")]
    [InlineData("show dau for org:acme", null, "show dau for org:acme")]
    [InlineData("", null, "")]
    [InlineData(null, null, "")]
    public void A_message_reads_as_its_requested_org_and_prompt(string? text, string? org, string prompt)
    {
        Assert.Equal(new ChannelMessage(org, prompt), ChannelMessageParser.Parse(text));
    }
}
