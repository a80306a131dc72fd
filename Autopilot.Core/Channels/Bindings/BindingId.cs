namespace Autopilot.Core.Channels.Bindings;

/// <summary>The bound path parameter of the DELETE route.</summary>
public sealed record BindingId(long Value);
