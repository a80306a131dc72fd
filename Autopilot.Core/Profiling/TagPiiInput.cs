using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Profiling;

public sealed record TagPiiInput(string TenantId, string WorkflowId, IReadOnlyList<TableProfile> Profiles);
