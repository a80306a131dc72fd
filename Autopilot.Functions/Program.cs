using Autopilot.Functions;
using Microsoft.Extensions.Hosting;

// The Azure Functions isolated worker: HTTP functions serve RouteTable.All through Core's ApiDispatcher, and
// one-line adapters register Core's orchestrators and activities (design.md § One orchestration code base).
var host = new HostBuilder()
    .ConfigureFunctionsWebApplication()
    .ConfigureServices((context, services) => FunctionsServices.Add(services, context.Configuration))
    .Build();

await host.RunAsync();
