using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autopilot.Tests.Infrastructure;

/// <summary>A fake dependency's HTTP side: Kestrel on 127.0.0.1 and a free port, no logging, routes mapped by the caller.</summary>
internal static class LoopbackApp
{
    /// <summary>Starts an app with <paramref name="map"/>'s routes; returns it and its base address (ending in '/').</summary>
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
