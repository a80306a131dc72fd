namespace Autopilot.Core.Queries.Contract;

/// <summary>Body of POST /queries/preview (free-form: org_id is read from it). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueryPreviewInput(string OrgId, string Sql);
