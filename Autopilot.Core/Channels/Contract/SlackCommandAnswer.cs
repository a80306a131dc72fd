namespace Autopilot.Core.Channels.Contract;

/// <summary>Body of POST /integrations/slack/command: Slack shows <c>text</c> to the caller only. Declared for the OpenAPI document.</summary>
public sealed record SlackCommandAnswer(string ResponseType, string Text);
