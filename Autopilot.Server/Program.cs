using Autopilot.Core;
using Autopilot.Core.Api;
using Autopilot.Core.Telemetry;
using Autopilot.Server.Engine;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8000");
}

Settings settings;
try
{
    settings = Settings.Read(builder.Configuration);
}
catch (InvalidOperationException invalid)
{
    Console.Error.WriteLine(invalid.Message);
    return 2;
}

builder.Services.AddAutopilotCore(settings);
builder.Services.AddAutopilotTelemetry(builder.Configuration);
builder.Services.AddDurableEngine(EngineOptionsFactory.From(builder.Configuration, settings));
builder.Services.AddHostedService<Autopilot.Core.Admission.QueueBackgroundProcessor>();
builder.Services.AddHostedService<Autopilot.Core.Memos.MemoTimerBackgroundService>();
builder.Services.AddHostedService<Autopilot.Core.Alerts.Lifecycle.AlertSweepBackgroundService>();

var app = builder.Build();

// Headers mode trusts X-Tenant-Id/X-User-Role as sent: fine on loopback, a warning (at start and on /ready) beyond it.
var listenUrls = builder.Configuration["ASPNETCORE_URLS"] is { Length: > 0 } configuredUrls ? configuredUrls : builder.Configuration["urls"] ?? "http://127.0.0.1:8000";
app.Services.GetRequiredService<Autopilot.Core.Tenancy.IdentityExposure>().ListensOn(listenUrls);
var dispatcher = app.Services.GetRequiredService<ApiDispatcher>();
var durable = app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
foreach (var route in RouteTable.All)
{
    app.MapMethods("/" + route.Template, [route.Method], (Delegate)((HttpContext http) => dispatcher.DispatchAsync(route.Name, http, durable)))
        .WithName(route.Name);
}

await app.RunAsync();
return 0;
