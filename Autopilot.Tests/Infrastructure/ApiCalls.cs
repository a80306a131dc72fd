using System.Text;
using System.Text.Json.Nodes;

namespace Autopilot.Tests.Infrastructure;

/// <summary>Requests with the seed's identity headers.</summary>
public static class ApiCalls
{
    public static HttpRequestMessage Request(HttpMethod method, string path, string? tenant, string? role, string? jsonBody = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (tenant is not null)
        {
            request.Headers.Add("X-Tenant-Id", tenant);
        }

        if (role is not null)
        {
            request.Headers.Add("X-User-Role", role);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return request;
    }

    public static async Task<(int Status, JsonNode? Body)> SendAsync(this HttpClient http, HttpMethod method, string path, string? tenant, string? role, string? jsonBody = null)
    {
        using var request = Request(method, path, tenant, role, jsonBody);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }

        return ((int)response.StatusCode, body);
    }

    /// <summary>Polls a workflow's status until its run is final.</summary>
    public static async Task<JsonNode> WaitForRunAsync(this HttpClient http, string tenant, string workflowId, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        JsonNode? last = null;
        while (clock.Elapsed < timeout)
        {
            var (status, body) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/{workflowId}/status?org_id={tenant}", tenant, "member");
            if (status == 200 && body?["status"]?.GetValue<string>() is "success" or "partial_failure" or "failed" or "cancelled" && body["result"] is not null)
            {
                return body;
            }

            last = body;
            await Task.Delay(200);
        }

        throw new TimeoutException($"workflow {workflowId} did not finish within {timeout}; last status: {last}");
    }
}
