using System.Text.Json.Nodes;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>One request the fake chat completions endpoint received.</summary>
internal sealed record FakeChatRequest(string Path, string Authorization, string ApiKey, JsonObject Body);
