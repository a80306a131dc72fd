namespace Autopilot.Core.Agent;

/// <summary>
/// The pre-execution critic's verdict (spec §3.1 <c>data.gate</c>): allowed with the SQL to run, blocked with reasons,
/// or needing approval — with the stored preview an approval refers to.
/// </summary>
public sealed record GateVerdict(
    string Status,
    string? Sql,
    IReadOnlyList<string> Reasons,
    string? NextAction,
    long EstimatedBytes,
    double EstimatedCostUsd,
    string? PreviewId);
