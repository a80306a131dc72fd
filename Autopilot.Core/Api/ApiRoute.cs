namespace Autopilot.Core.Api;

/// <summary>One HTTP route: a stable name (also the Azure Functions function name), method, template, access and handler.</summary>
public sealed record ApiRoute(string Name, string Method, string Template, RouteAccess Access, Func<ApiContext, Task<ApiResult>> Handler);
