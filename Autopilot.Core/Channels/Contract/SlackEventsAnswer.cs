namespace Autopilot.Core.Channels.Contract;

/// <summary>
/// Body of POST /integrations/slack/events: <c>challenge</c> echoed for <c>url_verification</c>, otherwise <c>ok</c>.
/// Declared for the OpenAPI document.
/// </summary>
public sealed record SlackEventsAnswer(bool? Ok, string? Challenge);
