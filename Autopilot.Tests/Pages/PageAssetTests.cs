using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autopilot.Core.Pages;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Pages;

/// <summary>
/// The pages' assets: the vendored uPlot is the npm package package.json pins (same version, same bytes as
/// node_modules after <c>npm ci</c>), and only the allow-list is served.
/// </summary>
public sealed partial class PageAssetTests
{
    private static readonly string AssetDirectory = Path.Combine(TestEnvironment.RepoRoot, "Autopilot.Core", "Pages", "Assets");

    [Fact]
    public void The_vendored_chart_library_is_the_version_package_json_pins()
    {
        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "package.json")))!["devDependencies"]!["uplot"]!.GetValue<string>();
        var locked = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "package-lock.json")))!["packages"]!["node_modules/uplot"]!["version"]!.GetValue<string>();
        var header = File.ReadLines(Path.Combine(AssetDirectory, PageAssets.ChartLibrary)).First();

        Assert.Equal(pinned, locked);
        Assert.Equal(pinned, VersionHeader().Match(header).Groups[1].Value);
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(AssetDirectory, "uPlot.LICENSE")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uPlot.iife.min.js")]
    [InlineData("uPlot.min.css")]
    public void The_vendored_files_match_the_installed_npm_package_byte_for_byte(string file)
    {
        // scripts/test.sh runs `npm ci` first, so the pinned package is installed wherever the suite runs.
        var installed = Path.Combine(TestEnvironment.RepoRoot, "node_modules", "uplot", "dist", file);
        Assert.True(File.Exists(installed), $"{installed} is missing: run the tests with ./scripts/test.sh (it runs npm ci)");

        Assert.Equal(File.ReadAllBytes(installed), File.ReadAllBytes(Path.Combine(AssetDirectory, file)));
    }

    [Fact]
    public void Every_allowed_asset_is_embedded_and_every_embedded_asset_is_allowed()
    {
        var embedded = typeof(PageAssets).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Autopilot.Pages.", StringComparison.Ordinal))
            .Select(n => n["Autopilot.Pages.".Length..]).Order(StringComparer.Ordinal);
        var onDisk = Directory.GetFiles(AssetDirectory).Select(Path.GetFileName).Where(n => n!.EndsWith(".js", StringComparison.Ordinal) || n.EndsWith(".css", StringComparison.Ordinal));

        Assert.Equal(PageAssets.Names.Order(StringComparer.Ordinal), embedded);
        Assert.Equal(PageAssets.Names.Order(StringComparer.Ordinal), onDisk.Order(StringComparer.Ordinal));
        Assert.All(PageAssets.Names, n => Assert.Equal(File.ReadAllBytes(Path.Combine(AssetDirectory, n)), PageAssets.Get(n).Content));
    }

    [GeneratedRegex(@"^/\*! https://github\.com/leeoniya/uPlot \(v([0-9.]+)\) \*/")]
    private static partial Regex VersionHeader();
}
