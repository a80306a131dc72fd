using Autopilot.Core.Pii;

namespace Autopilot.Core.Profiling;

public sealed record ColumnPiiTag(string Dataset, string Table, string Column, PiiTag Tag);
