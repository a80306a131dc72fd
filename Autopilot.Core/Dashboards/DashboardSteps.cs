namespace Autopilot.Core.Dashboards;

/// <summary>The stages of a dashboard build, as run records and partial failures name them (DASH-1, extended).</summary>
public static class DashboardSteps
{
    public const string LoadCatalog = "load_catalog";
    public const string SelectTemplates = "select_template";
    public const string RunCards = "run_cards";
    public const string PublishMetabase = "publish_metabase";

    public const string StoreArtifact = "store_artifact";
}
