namespace Autopilot.Core.Queries;

/// <summary>A query the path refused at run time (e.g. the budget filled up after its preview).</summary>
public sealed class QueryBlockedException : Exception
{
    public QueryBlockedException(IReadOnlyList<string> reasons) : base(string.Join("; ", reasons)) => Reasons = reasons;

    public QueryBlockedException() : this([]) { }

    public QueryBlockedException(string message) : this([message]) { }

    public QueryBlockedException(string message, Exception innerException) : base(message, innerException) => Reasons = [message];

    public IReadOnlyList<string> Reasons { get; }
}
