using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Autopilot.Tests.Infrastructure;

/// <summary>
/// Autopilot.Server as a real child process on a free loopback port — so tests can kill -9 it and start it again.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ServerProcess(string taskHub, string demoWarehousePath, IDictionary<string, string>? extra = null)
    {
        TaskHub = taskHub;
        Port = FreePort();
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["AZURE_STORAGE_CONNECTION_STRING"] = TestEnvironment.StorageConnectionString,
            ["TASKHUB_NAME"] = taskHub,
            ["AUTOPILOT_ENCRYPTION_KEY"] = SharedKey,
            ["DEMO_WAREHOUSE_PATH"] = demoWarehousePath,
            // Tests start memos themselves; a timer would add memo runs to every connected test tenant.
            ["MEMO_TIMER_ENABLED"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Autopilot"] = "Information",
        };
        // "{port}" in a value stands for the port picked here (e.g. ASPNETCORE_URLS=http://0.0.0.0:{port}).
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            _environment[key] = value.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    /// <summary>One key for every server of the test run, so servers sharing a hub read each other's credentials.</summary>
    public static string SharedKey { get; } = TestEnvironment.NewEncryptionKey();

    public string TaskHub { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public int? ProcessId => _process?.Id;

    public string Output => string.Join(Environment.NewLine, _output);

    public static string ServerDll
    {
        get
        {
            // The test project references the server, so its build output sits beside ours.
            var local = Path.Combine(AppContext.BaseDirectory, "Autopilot.Server.dll");
            return File.Exists(local) ? local : throw new FileNotFoundException("Autopilot.Server.dll not found next to the tests", local);
        }
    }

    public async Task StartAsync(TimeSpan? readyTimeout = null)
    {
        var info = new ProcessStartInfo("dotnet", [ServerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitHealthyAsync(readyTimeout ?? TimeSpan.FromSeconds(90));
    }

    /// <summary>SIGKILL: no shutdown hooks, no graceful abandon of work items.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (_process!.HasExited)
            {
                // Redirected output arrives on its own threads: wait until it has all been read before quoting it.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not answer /health within {timeout}:{Environment.NewLine}{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
