using System.Globalization;
using Autopilot.Core.Agent.Planning;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// Windows named in dates: the clock (a TimeProvider) decides which March "March" is and what "last month" spans, the
/// reading states the window in dates, and a window the demo data does not cover is asked about, never answered 0.
/// </summary>
[Collection(DemoPlanningCollection.Name)]
public sealed class DateQuestionTests
{
    private readonly DemoPlanningCatalog _demo;

    public DateQuestionTests(DemoPlanningCatalog demo) => _demo = demo;

    public static TheoryData<string> Uncovered() => new(QuestionBank.UncoveredDates().Where(q => !q.Contains("02-30", StringComparison.Ordinal) && !q.Contains(" vs ", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Uncovered))]
    public void A_window_the_data_does_not_cover_is_asked_about_with_the_data_range_not_answered(string question)
    {
        Assert.Null(DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today));

        var ask = DeterministicPlanner.Clarify(question, _demo.Catalog, SharedDemoWarehouse.Today);
        Assert.NotNull(ask);
        Assert.True(ask.Summary.Contains("outside it", StringComparison.Ordinal) || ask.Summary.Contains("in the future", StringComparison.Ordinal), ask.Summary);
        Assert.NotEmpty(ask.UnusedWords);
        Assert.All(ask.Suggestions, s => Assert.NotNull(DeterministicPlanner.Plan(s, _demo.Catalog, SharedDemoWarehouse.Today)));
    }

    [Fact]
    public async Task The_clock_decides_which_year_a_month_named_without_one_is()
    {
        // Next month's name: with today's clock it is last year's (before the data, so the run asks); with a clock
        // a month and a half later it is this year's, and the plan reads that month's dates.
        var today = SharedDemoWarehouse.Today;
        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var question = $"Orders in {next.ToString("MMMM", CultureInfo.InvariantCulture)}";
        var now = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var later = new FakeTimeProvider(new DateTimeOffset(next.AddDays(14).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

        Assert.Null(await new DeterministicPlanner(now).PlanAsync(question, _demo.Catalog, [], CancellationToken.None));
        var plan = await new DeterministicPlanner(later).PlanAsync(question, _demo.Catalog, [], CancellationToken.None);

        Assert.NotNull(plan);
        Assert.Contains($"DATE '{Iso(next)}'", plan.Steps[0].Sql, StringComparison.Ordinal);
        Assert.Contains($"DATE '{Iso(next.AddMonths(1))}'", plan.Steps[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_window_is_stated_in_dates_in_the_reading()
    {
        var today = SharedDemoWarehouse.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        var plan = DeterministicPlanner.Plan("Revenue last month", _demo.Catalog, today)!;

        var dates = $"{Iso(first)} to {Iso(first.AddMonths(1).AddDays(-1))}";
        Assert.Contains(dates, plan.Reading!.Window, StringComparison.Ordinal);
        Assert.Contains(dates, plan.Reading.Interpretation, StringComparison.Ordinal);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
