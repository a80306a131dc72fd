using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Autopilot.Core.Dashboards.Metabase;

/// <summary>A saved question as Metabase returns it (the fields we read).</summary>
public sealed record MetabaseCard(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("collection_id")] int? CollectionId,
    [property: JsonPropertyName("archived")] bool Archived);

/// <summary>A collection as Metabase lists it.</summary>
public sealed record MetabaseCollectionInfo(
    [property: JsonPropertyName("id")] JsonNode Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("personal_owner_id")] int? PersonalOwnerId);

/// <summary>One entry of <c>GET /api/collection/{id}/items</c>: a card, dashboard or sub-collection.</summary>
public sealed record MetabaseCollectionItem(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string? Description);

/// <summary>A database connection as <c>GET /api/database</c> lists it.</summary>
public sealed record MetabaseDatabase(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("engine")] string Engine);

/// <summary>A card placed on a dashboard: its grid position (18 units wide) and its filter wiring.</summary>
public sealed record MetabaseDashcard(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("card_id")] int CardId,
    [property: JsonPropertyName("row")] int Row,
    [property: JsonPropertyName("col")] int Col,
    [property: JsonPropertyName("size_x")] int SizeX,
    [property: JsonPropertyName("size_y")] int SizeY,
    [property: JsonPropertyName("parameter_mappings")] JsonArray? ParameterMappings);

/// <summary>A dashboard with its cards and parameters.</summary>
public sealed record MetabaseDashboard(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("collection_id")] int? CollectionId,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("dashcards")] IReadOnlyList<MetabaseDashcard>? Dashcards,
    [property: JsonPropertyName("parameters")] JsonArray? Parameters);

/// <summary>What we ask Metabase to save as a native-SQL card.</summary>
/// <param name="Marker">Written as the card's description; finds the card again after a crash (no duplicates).</param>
/// <param name="TemplateTags">Native-query template tags (e.g. a date filter); null: none.</param>
public sealed record MetabaseCardSpec(
    string Name,
    string Sql,
    string Display,
    string Marker,
    JsonObject? TemplateTags = null);

/// <summary>Where one card goes on the dashboard; <see cref="ParameterMappings"/> wire it to dashboard filters.</summary>
public sealed record MetabaseCardPlacement(int CardId, int Row, int Col, int SizeX, int SizeY, JsonArray? ParameterMappings = null);
