namespace Autopilot.Core.Warehouse;

public sealed record WarehouseSchema(IReadOnlyList<WarehouseTable> Tables);
