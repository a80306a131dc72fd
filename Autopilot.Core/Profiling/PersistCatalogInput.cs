using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Profiling;

public sealed record PersistCatalogInput(
    string TenantId,
    string WorkflowId,
    string ConnectionId,
    WarehouseSchema Schema,
    IReadOnlyList<TableProfile> Profiles,
    IReadOnlyList<ColumnPiiTag> Tags);
