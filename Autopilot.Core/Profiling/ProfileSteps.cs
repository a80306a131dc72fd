namespace Autopilot.Core.Profiling;

/// <summary>Step names of the profile workflow, as the seed reports them (PROF steps).</summary>
public static class ProfileSteps
{
    public const string Introspect = "introspect_schemas";
    public const string ProfileTables = "profile_tables";
    public const string DetectPii = "detect_pii";
    public const string StoreCatalog = "store_catalog";
}
