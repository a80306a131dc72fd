namespace Autopilot.Core.Chat;

/// <summary>
/// One message to answer: the tenant it was resolved to (never taken from the message itself without a binding check),
/// the user as the channel names them (<c>slack:U1</c>, <c>tg:42</c>, or the API's <c>user_id</c>), the text and session.
/// </summary>
public sealed record ChatTurn(string TenantId, string UserId, string Message, string? SessionId, ChatOrigin Origin);
