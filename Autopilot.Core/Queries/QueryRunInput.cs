namespace Autopilot.Core.Queries;

/// <summary>The approved preview a query run executes; <c>ShowPii</c> only when an admin asked for it.</summary>
public sealed record QueryRunInput(string TenantId, string PreviewId, bool ShowPii);
