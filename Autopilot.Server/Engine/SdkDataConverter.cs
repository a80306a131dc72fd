using Autopilot.Core.Engine;
using Microsoft.DurableTask.Converters;

namespace Autopilot.Server.Engine;

/// <summary>
/// DTFx's client serializes with Newtonsoft by default while the SDK shims read with System.Text.Json
/// (recipes.md): both sides go through the SDK's JSON converter with the project's one set of options.
/// </summary>
internal sealed class SdkDataConverter : DurableTask.Core.Serializing.DataConverter
{
    public static JsonDataConverter Sdk { get; } = new(AutopilotJson.Options);

    public static SdkDataConverter Instance { get; } = new();

    public override string? Serialize(object? value) => Sdk.Serialize(value);

    public override string? Serialize(object? value, bool formatted) => Sdk.Serialize(value);

    public override object? Deserialize(string? data, Type objectType) => Sdk.Deserialize(data, objectType);
}
