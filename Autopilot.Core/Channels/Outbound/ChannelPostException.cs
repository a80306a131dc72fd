namespace Autopilot.Core.Channels.Outbound;

/// <summary>
/// A reply the channel's API did not take (HTTP error, <c>ok:false</c>, timeout): the posting activity fails and its retry
/// policy tries again a bounded number of times. The message names the status or the API's error code, never a token.
/// </summary>
public sealed class ChannelPostException : Exception
{
    public ChannelPostException()
    {
    }

    public ChannelPostException(string message) : base(message)
    {
    }

    public ChannelPostException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
