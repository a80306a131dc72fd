namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// "Users who never placed an order", "users without events in the last 7 days": the entity rows with no row in
/// <paramref name="Table"/> in <paramref name="Window"/> (all time when the question names none), written as NOT EXISTS.
/// </summary>
internal sealed record AntiJoin(PlanTable Table, TimeWindow Window);
