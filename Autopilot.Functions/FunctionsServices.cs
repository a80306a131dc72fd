using Autopilot.Core;
using Autopilot.Core.Engine;
using Autopilot.Core.Telemetry;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Functions;

/// <summary>The worker's services (Program.cs calls this; a test checks the durable serializer it yields).</summary>
public static class FunctionsServices
{
    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAutopilotCore(Settings.Read(configuration));

        // OTLP when the OTEL_* variables name an endpoint (as on the server). In Azure, Application Insights is the usual
        // backend: the README shows the Azure Monitor exporter for this worker; the host's own telemetry is separate.
        services.AddAutopilotTelemetry(configuration);

        // In Azure (WEBSITE_HOSTNAME is set there) the HTTP triggers are reachable from the network: headers mode is then
        // reported as exposed. Function keys / App Service Authentication in front do not change what the headers claim.
        if (!string.IsNullOrEmpty(configuration["WEBSITE_HOSTNAME"]))
        {
            services.AddSingleton(sp =>
            {
                var exposure = new Autopilot.Core.Tenancy.IdentityExposure(sp.GetRequiredService<Autopilot.Core.Tenancy.AuthOptions>());
                exposure.ListensBeyondLoopback();
                return exposure;
            });
        }

        // One JSON options for both runtimes. The Durable Functions worker extension (1.21.1) builds its
        // DataConverter — orchestration inputs/outputs, activity inputs, the [DurableClient]'s payloads — from this
        // ObjectSerializer in a PostConfigure of DurableTaskWorkerOptions/DurableTaskClientOptions, and deliberately
        // ignores a DataConverter set in DI or on those options. So this one line sets the durable data converter too.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(AutopilotJson.Options));
        return services;
    }
}
