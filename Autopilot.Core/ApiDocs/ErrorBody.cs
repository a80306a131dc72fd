using System.Text.Json;

namespace Autopilot.Core.ApiDocs;

/// <summary>The body of every deliberate error (spec §0.4): <c>{"detail": ...}</c>, a string except the purge's 409 object.</summary>
public sealed record ErrorBody(JsonElement Detail);
