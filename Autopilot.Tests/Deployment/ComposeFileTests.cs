using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Autopilot.Tests.Deployment;

/// <summary>
/// No Docker engine runs on the build machines, so docker-compose.yml is checked by reading it: the four services,
/// their host ports, the server's wiring to Azurite and Redis, and README.md's service table against the file.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Theory]
    [InlineData("server", new[] { 8000 })]
    [InlineData("azurite", new[] { 10000, 10001, 10002 })]
    [InlineData("redis", new[] { 6379 })]
    [InlineData("metabase", new[] { 3000 })]
    public void Compose_service_publishes_its_host_ports(string service, int[] expectedHostPorts)
    {
        var services = LoadComposeServices();

        Assert.True(services.ContainsKey(service), $"docker-compose.yml has no service '{service}'");
        Assert.Equal(expectedHostPorts.Order(), services[service].Order());
    }

    [Fact]
    public void Readme_service_table_matches_the_compose_file()
    {
        var composeServices = LoadComposeServices();
        var readmeRows = ReadReadmeComposeTable();

        Assert.NotEmpty(readmeRows);
        Assert.Equal(composeServices.Keys.Order(StringComparer.Ordinal), readmeRows.Keys.Order(StringComparer.Ordinal));
        foreach (var (service, ports) in readmeRows)
        {
            Assert.NotEmpty(ports);
            Assert.True(
                composeServices[service].Order().SequenceEqual(ports.Order()),
                $"README names host ports [{string.Join(", ", ports)}] for '{service}'; docker-compose.yml publishes [{string.Join(", ", composeServices[service])}]");
        }
    }

    [Fact]
    public void Server_is_built_from_the_root_Dockerfile_and_reaches_azurite_and_redis_by_service_name()
    {
        var server = ServiceNode("server");

        var build = Assert.IsType<YamlMappingNode>(Child(server, "build"));
        Assert.Equal(".", Scalar(Child(build, "context")));
        var dockerfile = Scalar(Child(build, "dockerfile")) ?? "Dockerfile";
        var dockerfileText = File.ReadAllText(Path.Combine(RepoRoot, dockerfile));
        Assert.Contains("mcr.microsoft.com/dotnet/sdk:10.0", dockerfileText, StringComparison.Ordinal);
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfileText, StringComparison.Ordinal);
        Assert.Contains("Autopilot.Server.dll", dockerfileText, StringComparison.Ordinal);

        var environment = EnvironmentOf(server);
        Assert.Equal("http://0.0.0.0:8000", environment["ASPNETCORE_URLS"]);
        Assert.Equal("redis:6379", environment["REDIS_URL"]);
        var storage = environment["AZURE_STORAGE_CONNECTION_STRING"];
        Assert.Contains("BlobEndpoint=http://azurite:10000/devstoreaccount1", storage, StringComparison.Ordinal);
        Assert.Contains("QueueEndpoint=http://azurite:10001/devstoreaccount1", storage, StringComparison.Ordinal);
        Assert.Contains("TableEndpoint=http://azurite:10002/devstoreaccount1", storage, StringComparison.Ordinal);
        Assert.True(environment.ContainsKey("AUTOPILOT_ENCRYPTION_KEY"), "the server needs AUTOPILOT_ENCRYPTION_KEY");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autopilot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Autopilot.sln above {AppContext.BaseDirectory}");
    }

    private static YamlMappingNode LoadComposeRoot()
    {
        using var reader = new StreamReader(Path.Combine(RepoRoot, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return Assert.IsType<YamlMappingNode>(yaml.Documents[0].RootNode);
    }

    private static YamlMappingNode ServiceNode(string name)
    {
        var services = Assert.IsType<YamlMappingNode>(Child(LoadComposeRoot(), "services"));
        return Assert.IsType<YamlMappingNode>(Child(services, name));
    }

    /// <summary>Service name → the host ports it publishes.</summary>
    private static Dictionary<string, List<int>> LoadComposeServices()
    {
        var services = Assert.IsType<YamlMappingNode>(Child(LoadComposeRoot(), "services"));
        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (key, value) in services.Children)
        {
            var ports = Child((YamlMappingNode)value, "ports") as YamlSequenceNode;
            result[Scalar(key)!] = ports is null ? [] : ports.Children.SelectMany(HostPorts).ToList();
        }

        return result;
    }

    /// <summary>Host ports of one compose port entry: "8000:8000", "127.0.0.1:8000:8000", "10000-10002:10000-10002",
    /// "6379:6379/udp", or the long form with "published"; a bare container port publishes no fixed host port.</summary>
    private static IEnumerable<int> HostPorts(YamlNode entry)
    {
        if (entry is YamlMappingNode longForm)
        {
            var published = Scalar(Child(longForm, "published"));
            return published is null ? [] : PortsIn(published);
        }

        var shortForm = Scalar(entry)!.Split('/')[0];
        var parts = shortForm.Split(':');
        return parts.Length < 2 ? [] : PortsIn(parts[^2]);
    }

    /// <summary>Service name → host ports, from the table in README.md's docker compose section.</summary>
    private static Dictionary<string, List<int>> ReadReadmeComposeTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "README.md"));
        var section = FindHeading(lines, "compose");
        Assert.True(section >= 0, "README.md has no docker compose section");

        var header = Array.FindIndex(lines, section, l =>
            l.TrimStart().StartsWith('|') && l.Contains("Service", StringComparison.OrdinalIgnoreCase)
            && l.Contains("port", StringComparison.OrdinalIgnoreCase));
        Assert.True(header >= 0, "README.md's docker compose section has no table with Service and port columns");

        var columns = Cells(lines[header]);
        var serviceColumn = columns.FindIndex(c => c.Contains("Service", StringComparison.OrdinalIgnoreCase));
        var portColumn = columns.FindIndex(c => c.Contains("port", StringComparison.OrdinalIgnoreCase));

        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = header + 1; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = Cells(lines[i]);
            if (cells.All(c => SeparatorCell().IsMatch(c)))
            {
                continue;
            }

            rows[cells[serviceColumn].Trim('`', ' ')] = PortsIn(cells[portColumn]).ToList();
        }

        return rows;
    }

    /// <summary>Index of the first Markdown heading containing <paramref name="word"/>, skipping fenced code
    /// blocks (whose shell comments also start with #); -1 when there is none.</summary>
    private static int FindHeading(string[] lines, string word)
    {
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && lines[i].StartsWith('#') && lines[i].Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> Cells(string tableLine) =>
        tableLine.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    /// <summary>Every port in a text: single numbers and ranges such as "10000-10002" or "10000–10002".</summary>
    private static IEnumerable<int> PortsIn(string text)
    {
        foreach (Match m in PortOrRange().Matches(text))
        {
            var first = int.Parse(m.Groups["first"].Value, CultureInfo.InvariantCulture);
            var last = m.Groups["last"].Success ? int.Parse(m.Groups["last"].Value, CultureInfo.InvariantCulture) : first;
            for (var port = first; port <= last; port++)
            {
                yield return port;
            }
        }
    }

    private static Dictionary<string, string> EnvironmentOf(YamlMappingNode service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (Child(service, "environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    result[Scalar(key)!] = Scalar(value) ?? "";
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Select(Scalar).OfType<string>())
                {
                    var eq = item.IndexOf('=', StringComparison.Ordinal);
                    result[eq < 0 ? item : item[..eq]] = eq < 0 ? "" : item[(eq + 1)..];
                }

                break;
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => Scalar(kv.Key) == key).Value;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    [GeneratedRegex(@"(?<first>\d{2,5})(?:\s*[-–]\s*(?<last>\d{2,5}))?")]
    private static partial Regex PortOrRange();

    [GeneratedRegex(@"^:?-+:?$")]
    private static partial Regex SeparatorCell();
}
