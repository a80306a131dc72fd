namespace Autopilot.Core.Api;

/// <summary>
/// What the OpenAPI document says of one route beyond what the table already declares (method, template, access, tenant
/// source): a summary, the success body's type, the request body's type, optional query parameters and the statuses the
/// handler itself answers. The schemas are generated from these .NET types, so they follow the records the API writes.
/// </summary>
/// <param name="Summary">One line for the operation.</param>
/// <param name="Response">The success body (200, and 202 when <see cref="Accepted"/>); <see cref="string"/> for a page or file.</param>
public sealed record RouteDoc(string Summary, Type Response)
{
    /// <summary>The JSON body the route reads; null when it reads none.</summary>
    public Type? Request { get; init; }

    /// <summary>Optional query parameters (org_id is added from the route's tenant source).</summary>
    public IReadOnlyList<string> Query { get; init; } = [];

    /// <summary>The success body's media type (pages answer text/html, assets their own type).</summary>
    public string MediaType { get; init; } = "application/json";

    /// <summary>True when the route may answer 202 with where to poll (work that outlasts the bounded wait).</summary>
    public bool Accepted { get; init; }

    /// <summary>Statuses the handler itself answers (400, 404, 409...), beyond those the dispatcher produces.</summary>
    public IReadOnlyList<int> Errors { get; init; } = [];
}
