using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>Failure injection: per route, a number of times, before the request reaches its handler.</summary>
internal sealed partial class FakeBigQueryServer
{
    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> fail with <paramref name="failure"/>.</summary>
    public void Fail(FakeRoute route, FakeFailure failure, int times = 1)
    {
        lock (_gate)
        {
            _failures.Add((route, failure, times));
        }
    }

    private FakeFailure? TakeFailure(FakeRoute route)
    {
        var index = _failures.FindIndex(f => f.Route == route);
        if (index < 0)
        {
            return null;
        }

        var (r, failure, remaining) = _failures[index];
        if (remaining <= 1)
        {
            _failures.RemoveAt(index);
        }
        else
        {
            _failures[index] = (r, failure, remaining - 1);
        }

        return failure;
    }

    /// <summary>Applies a failure; false when the request should go on (after a delay).</summary>
    private static async Task<bool> InjectAsync(HttpContext context, FakeRoute route, FakeFailure failure)
    {
        switch (failure.Kind)
        {
            case FakeFailure.Kinds.Slow:
                await Task.Delay(failure.Delay, context.RequestAborted);
                return false;
            case FakeFailure.Kinds.Drop:
                context.Abort();
                return true;
            case FakeFailure.Kinds.Malformed:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=UTF-8";
                await context.Response.WriteAsync("{\"kind\": \"bigquery#queryResponse\", \"jobComplete\": tr<html>");
                return true;
            default:
                await Write(context, route == FakeRoute.Token
                    ? new FakeAnswer(failure.Status, new JsonObject { ["error"] = failure.Reason, ["error_description"] = failure.Message })
                    : ErrorBody(failure.Status, failure.Reason, failure.Message));
                return true;
        }
    }
}
