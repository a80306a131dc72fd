namespace Autopilot.Core.Memos;

/// <summary>The stages of a weekly memo, as run records and partial failures name them.</summary>
public static class MemoSteps
{
    public const string LoadCatalog = "load_catalog";
    public const string FixWindows = "fix_windows";
    public const string SelectKpis = "select_kpis";
    public const string RunKpis = "run_kpis";
    public const string RunSegments = "run_segments";
    public const string BuildPacket = "build_packet";
    public const string WriteMemo = "write_memo";
    public const string StoreArtifact = "store_artifact";
    public const string RaiseAlerts = "raise_alerts";
}
