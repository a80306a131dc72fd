namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of POST /alerts/{alert_id}/ack. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertAckInput(string UserId);
