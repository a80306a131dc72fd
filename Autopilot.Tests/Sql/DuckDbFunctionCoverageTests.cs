using System.Collections;
using System.Globalization;
using Autopilot.Core.Sql;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Warehouse;

namespace Autopilot.Tests.Sql;

/// <summary>
/// Issue 8 §2 as a property: every function of the allow-list (<see cref="BigQueryFunctions.Names"/>) either runs on the
/// demo warehouse and answers BigQuery's value, or is refused for it with a reason before anything runs. The cases are
/// generated from the allow-list itself, so a function added to it without a case in <see cref="DuckDbFunctionCases"/>
/// fails here.
/// </summary>
[Collection(DemoWarehouseCollection.Name)]
public sealed class DuckDbFunctionCoverageTests
{
    private static readonly QueryContext Limits = new("org_functions", null, long.MaxValue, TimeSpan.FromSeconds(60), 100);

    private readonly DemoWarehouseFixture _demo;

    public DuckDbFunctionCoverageTests(DemoWarehouseFixture demo) => _demo = demo;

    public static TheoryData<string> AllowListed() => new(BigQueryFunctions.Names.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_allow_listed_function_has_a_case_and_every_case_is_an_allow_listed_function()
    {
        Assert.Equal(BigQueryFunctions.Names.Order(StringComparer.Ordinal), DuckDbFunctionCases.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_functions_with_a_value_to_check_are_exactly_those_the_DuckDB_translation_carries()
    {
        var running = DuckDbFunctionCases.All.Where(c => c.Value is not null).Select(c => c.Key);
        Assert.Equal(running.Order(StringComparer.Ordinal), DuckDbFunctions.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllowListed))]
    public async Task An_allow_listed_function_runs_on_the_demo_warehouse_with_BigQuerys_value_or_is_refused_with_a_reason(string function)
    {
        Assert.True(DuckDbFunctionCases.All.TryGetValue(function, out var @case), $"{function} has no case in DuckDbFunctionCases");
        var warehouse = _demo.CreateWarehouse();
        if (@case is null)
        {
            await RefusedOnTheDemoWarehouse(warehouse, function);
            return;
        }

        // The sample really calls the function it stands for.
        var calls = SqlQueryFacts.Collect(SqlParser.Parse(@case.Sql).Query!).Functions.Select(c => SqlFunctionNames.Canonical(c.Name));
        Assert.Contains(function, calls);

        var demo = SqlGate.Evaluate(@case.Sql, SqlGateContext.Default with { Dialect = SqlDialect.DuckDb });
        Assert.True(demo.Allowed, string.Join(" | ", demo.Reasons));
        var result = await warehouse.ExecuteAsync(@case.Sql, Limits, CancellationToken.None);
        Assert.Equal(@case.Expected, Format(result.Rows[0]["v"]));
    }

    [Fact]
    public void Refused_functions_are_still_admitted_for_BigQuery()
    {
        foreach (var (function, _) in DuckDbFunctionCases.All.Where(c => c.Value is null))
        {
            var decision = SqlGate.Evaluate($"SELECT {function}(1) AS v", SqlGateContext.Default);
            Assert.True(decision.Allowed, $"{function}: {string.Join(" | ", decision.Reasons)}");
        }
    }

    [Fact]
    public void The_demo_warehouse_reports_the_DuckDB_dialect_and_BigQuery_is_the_default()
    {
        Assert.Equal(SqlDialect.DuckDb, ((IWarehouse)_demo.CreateWarehouse()).Dialect);
        Assert.Equal(SqlDialect.BigQuery, SqlGateContext.Default.Dialect);
    }

    // Refused by the gate for the DuckDB dialect (the query path's blocked status), and by the warehouse itself should a
    // caller skip the gate: a validation failure with the same reason, never a DuckDB error.
    private static async Task RefusedOnTheDemoWarehouse(DuckDbWarehouse warehouse, string function)
    {
        var sql = $"SELECT {function}(1) AS v";
        var reason = $"{function} is not supported on the demo warehouse";
        var decision = SqlGate.Evaluate(sql, SqlGateContext.Default with { Dialect = SqlDialect.DuckDb });
        Assert.False(decision.Allowed);
        Assert.Equal([reason], decision.Reasons);
        Assert.Equal([SqlRuleIds.FunctionNotOnWarehouse], decision.RuleIds);

        var failure = await Assert.ThrowsAsync<WorkflowStepException>(() => warehouse.DryRunAsync(sql, Limits, CancellationToken.None));
        Assert.Equal(FailureClass.ValidationFailed, failure.Failure);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A result value as the cases write it.</summary>
    internal static string Format(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        DateTimeOffset t => Format(t.UtcDateTime),
        DateTime t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        string s => s,
        decimal m => m.ToString("G29", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{k}: {Format(map[k])}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
