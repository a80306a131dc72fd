using System.Text.Json.Nodes;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>An HTTP status and JSON body the fake answers with.</summary>
internal readonly record struct FakeAnswer(int Status, JsonObject Body);
