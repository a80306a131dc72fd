using Autopilot.Core.Caching;
using Autopilot.Core.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Core.Tenants.Data;

/// <summary>Builds the <see cref="TenantDataSet"/> over this process's services and a given engine client.</summary>
public static class TenantDataSetFactory
{
    public static TenantDataSet Create(IServiceProvider services, DurableTaskClient? engine) => new(
        services.GetRequiredService<TableStorage>(),
        services.GetRequiredService<IAutopilotCache>(),
        engine,
        services.GetRequiredService<TimeProvider>());
}
