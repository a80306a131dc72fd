using Autopilot.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Queries;

/// <summary>
/// The HTTP status of a query the warehouse failed: the query's own fault is a 4xx; the warehouse being slow, down or
/// unusable is a 5xx naming the gateway's part (never a bare 500).
/// </summary>
public static class WarehouseFailureStatus
{
    public static int Of(FailureClass failure) => failure switch
    {
        FailureClass.ValidationFailed => StatusCodes.Status400BadRequest,
        FailureClass.QuotaExceeded => StatusCodes.Status409Conflict,
        FailureClass.PermissionDenied => StatusCodes.Status502BadGateway,
        FailureClass.Timeout => StatusCodes.Status504GatewayTimeout,
        FailureClass.TransientNetwork or FailureClass.TransientError => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };
}
