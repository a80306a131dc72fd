namespace Autopilot.Core.Warehouse;

/// <summary>
/// What the warehouse says a query would do without running it: the bytes it would scan, its statement type
/// (<c>SELECT</c> for a read-only query) and the tables it reads, as <c>dataset.table</c>.
/// </summary>
public sealed record DryRunResult(long TotalBytesProcessed, string StatementType, IReadOnlyList<string> ReferencedTables);
