using Autopilot.Core.Api;

namespace Autopilot.Core.ApiDocs;

/// <summary>The 422 body (spec §0.3): the seed's list of issues, each with its type, location, message and input.</summary>
public sealed record ValidationErrorBody(IReadOnlyList<ValidationIssue> Detail);
