using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Functions;

/// <summary>
/// <c>dotnet publish</c> of the Functions app (from the build the tests run on) produces what zip deploy expects at the
/// zip's root: <c>host.json</c>, <c>functions.metadata</c> naming every route's function, <c>worker.config.json</c> whose
/// worker assembly is there, <c>extensions.json</c> whose Durable extension assembly is there, and the demo warehouse's
/// native DuckDB library for Linux. The closest honest check without the Functions host, which cannot be installed here.
/// </summary>
public sealed class FunctionsPublishLayoutTests
{
    [Fact]
    public async Task Publish_output_zipped_has_the_layout_zip_deploy_expects()
    {
        var output = Directory.CreateTempSubdirectory("ap-func-publish").FullName;
        var zipPath = output + ".zip";
        try
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine("Autopilot.Functions", "Autopilot.Functions.csproj"), "-c", configuration, "--no-build", "-o", output, "-nologo", "-v", "quiet"])
            {
                WorkingDirectory = TestEnvironment.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var publish = Process.Start(start)!;
            var stdout = publish.StandardOutput.ReadToEndAsync();
            var stderr = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            Assert.True(publish.ExitCode == 0, $"dotnet publish failed: {await stdout} {await stderr}");

            ZipFile.CreateFromDirectory(output, zipPath);
            using var zip = ZipFile.OpenRead(zipPath);
            var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
            JsonNode Read(string name) => JsonNode.Parse(zip.GetEntry(name)!.Open())!;

            foreach (var root in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "Autopilot.Functions.dll", "Autopilot.Core.dll" })
            {
                Assert.True(entries.Contains(root), $"{root} is not at the zip's root");
            }

            var worker = Read("worker.config.json")["description"]!;
            Assert.Contains(worker["defaultWorkerPath"]!.GetValue<string>(), entries);
            var durable = Assert.Single(Read("extensions.json")["extensions"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "DurableTask")!;
            var hint = durable["hintPath"]!.GetValue<string>().Replace("./", "", StringComparison.Ordinal);
            Assert.True(entries.Contains(hint), $"the durable extension's assembly {hint} is not in the zip");
            var functions = Read("functions.metadata").AsArray().Select(f => f!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            Assert.All(RouteTable.All, route => Assert.Contains(route.Name, functions));
            Assert.Contains(entries, e => e.StartsWith("runtimes/linux-x64/native/", StringComparison.Ordinal) && e.EndsWith("libduckdb.so", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
            File.Delete(zipPath);
        }
    }
}
