using System.Text.Json;

namespace Autopilot.Core.Chat.Contract;

/// <summary>Body of POST /api/v1/chat/run (spec §12.1). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ChatRunAnswer(string ResponseType, string Summary, JsonElement Data, IReadOnlyList<string> Warnings, ChatRunMeta Meta);
