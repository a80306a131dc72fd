using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>
/// A local OpenAI-compatible chat completions endpoint (Kestrel on 127.0.0.1, a free port) answering
/// <c>POST /v1/chat/completions</c> and Azure's <c>POST /openai/v1/chat/completions</c> with scripted message contents
/// (or HTTP failures), in the wire format of the OpenAI API. Every request is kept for assertions.
/// </summary>
internal sealed class FakeChatCompletionsServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<Func<HttpContext, Task>> _replies = new();
    private readonly List<FakeChatRequest> _requests = [];
    private WebApplication? _app;
    private string? _unscripted;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<FakeChatRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeChatCompletionsServer> StartAsync()
    {
        var server = new FakeChatCompletionsServer();
        (server._app, server.BaseUri) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", server.AnswerAsync);
            app.MapPost("/openai/v1/chat/completions", server.AnswerAsync);
        });
        return server;
    }

    /// <summary>The next request is answered with a completion whose message content is <paramref name="content"/>.</summary>
    public void AnswerWith(string content) => Enqueue(context => context.Response.WriteAsync(Completion(content).ToJsonString()));

    /// <summary>Requests with no scripted reply get a completion whose content is <paramref name="content"/> (instead of a 500).</summary>
    public void AnswerUnscriptedWith(string content)
    {
        lock (_gate)
        {
            _unscripted = content;
        }
    }

    public void FailWith(int status, string body) => Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(body);
    });

    /// <summary>The next request gets no answer until <paramref name="delay"/> passes or the client goes away.</summary>
    public void Stall(TimeSpan delay) => Enqueue(async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await context.Response.WriteAsync(Completion("{}").ToJsonString());
    });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void Enqueue(Func<HttpContext, Task> reply)
    {
        lock (_gate)
        {
            _replies.Enqueue(reply);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        Func<HttpContext, Task>? reply;
        lock (_gate)
        {
            _requests.Add(new FakeChatRequest(
                context.Request.Path.Value!,
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers["api-key"].ToString(),
                body!.AsObject()));
            if (!_replies.TryDequeue(out reply) && _unscripted is { } fallback)
            {
                reply = c => c.Response.WriteAsync(Completion(fallback).ToJsonString());
            }
        }

        context.Response.ContentType = "application/json";
        if (reply is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("""{"error":{"message":"no scripted reply","type":"server_error"}}""");
            return;
        }

        await reply(context);
    }

    private static JsonObject Completion(string content) => new()
    {
        ["id"] = "chatcmpl-fake-1",
        ["object"] = "chat.completion",
        ["created"] = 1_771_200_000,
        ["model"] = "gpt-test",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 321, ["completion_tokens"] = 45, ["total_tokens"] = 366 },
    };
}
