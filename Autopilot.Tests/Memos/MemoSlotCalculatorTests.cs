using System.Globalization;
using Autopilot.Core.Memos;

namespace Autopilot.Tests.Memos;

/// <summary>The weekly slot of an instant: ISO week in the tenant's timezone, due instant, DST gaps and overlaps, week-year edges.</summary>
public sealed class MemoSlotCalculatorTests
{
    /// <summary>Schedule (zone, day, hour), the instant, and the expected (ISO year, ISO week, local date, due instant, due).</summary>
    public static TheoryData<string, DayOfWeek, int, string, int, int, string, string, bool> Cases => new()
    {
        // The default schedule, just before and at its hour.
        { "UTC", DayOfWeek.Monday, 8, "2026-11-30T07:59:59Z", 2026, 49, "2026-11-30", "2026-11-30T08:00:00Z", false },
        { "UTC", DayOfWeek.Monday, 8, "2026-11-30T08:00:00Z", 2026, 49, "2026-11-30", "2026-11-30T08:00:00Z", true },
        { "UTC", DayOfWeek.Monday, 8, "2026-12-06T23:59:59Z", 2026, 49, "2026-11-30", "2026-11-30T08:00:00Z", true },
        // Local hour in the tenant's timezone (CET = UTC+1 in winter).
        { "Europe/Berlin", DayOfWeek.Monday, 8, "2026-11-30T06:59:00Z", 2026, 49, "2026-11-30", "2026-11-30T07:00:00Z", false },
        { "Europe/Berlin", DayOfWeek.Monday, 8, "2026-11-30T07:00:00Z", 2026, 49, "2026-11-30", "2026-11-30T07:00:00Z", true },
        // Spring forward: 02:00 on 2026-03-08 does not exist in New York; due when the clocks jump (07:00Z = 03:00 EDT).
        { "America/New_York", DayOfWeek.Sunday, 2, "2026-03-08T06:59:00Z", 2026, 10, "2026-03-08", "2026-03-08T07:00:00Z", false },
        { "America/New_York", DayOfWeek.Sunday, 2, "2026-03-08T07:00:00Z", 2026, 10, "2026-03-08", "2026-03-08T07:00:00Z", true },
        // Fall back: 01:00 on 2026-11-01 happens twice; due at the first (01:00 EDT = 05:00Z), and the second is the same week.
        { "America/New_York", DayOfWeek.Sunday, 1, "2026-11-01T04:59:00Z", 2026, 44, "2026-11-01", "2026-11-01T05:00:00Z", false },
        { "America/New_York", DayOfWeek.Sunday, 1, "2026-11-01T05:00:00Z", 2026, 44, "2026-11-01", "2026-11-01T05:00:00Z", true },
        { "America/New_York", DayOfWeek.Sunday, 1, "2026-11-01T06:30:00Z", 2026, 44, "2026-11-01", "2026-11-01T05:00:00Z", true },
        // ISO week-year edges: 2026 has 53 ISO weeks; 2026-12-31 and 2027-01-01 are both in 2026-W53, 2027-01-04 starts 2027-W01.
        { "UTC", DayOfWeek.Monday, 8, "2026-12-31T12:00:00Z", 2026, 53, "2026-12-28", "2026-12-28T08:00:00Z", true },
        { "UTC", DayOfWeek.Monday, 8, "2027-01-01T12:00:00Z", 2026, 53, "2026-12-28", "2026-12-28T08:00:00Z", true },
        { "UTC", DayOfWeek.Monday, 8, "2027-01-04T07:00:00Z", 2027, 1, "2027-01-04", "2027-01-04T08:00:00Z", false },
        { "UTC", DayOfWeek.Thursday, 8, "2027-01-01T12:00:00Z", 2026, 53, "2026-12-31", "2026-12-31T08:00:00Z", true },
        // ISO 2026-W01 begins on 2025-12-29.
        { "UTC", DayOfWeek.Monday, 8, "2025-12-29T09:00:00Z", 2026, 1, "2025-12-29", "2025-12-29T08:00:00Z", true },
        // The tenant's local date decides the week: Auckland is already in 2027-W01 while UTC is still in 2026-W53...
        { "Pacific/Auckland", DayOfWeek.Monday, 8, "2027-01-03T19:00:00Z", 2027, 1, "2027-01-04", "2027-01-03T19:00:00Z", true },
        // ...and Los Angeles is still in 2026-W53 on its Sunday evening, when UTC is already in 2027-W01.
        { "America/Los_Angeles", DayOfWeek.Sunday, 20, "2027-01-04T03:59:00Z", 2026, 53, "2027-01-03", "2027-01-04T04:00:00Z", false },
        { "America/Los_Angeles", DayOfWeek.Sunday, 20, "2027-01-04T04:00:00Z", 2026, 53, "2027-01-03", "2027-01-04T04:00:00Z", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_slot_is_the_iso_week_of_the_local_date_and_due_from_its_local_day_and_hour(
        string zone, DayOfWeek day, int hour, string now, int isoYear, int isoWeek, string localDate, string dueAt, bool isDue)
    {
        var slot = MemoSlotCalculator.Current(new MemoSchedule(zone, day, hour), DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal(
            new MemoSlot(isoYear, isoWeek, DateOnly.Parse(localDate, CultureInfo.InvariantCulture), DateTimeOffset.Parse(dueAt, CultureInfo.InvariantCulture), isDue),
            slot);
    }

    [Fact]
    public void The_instance_id_names_the_tenant_and_the_zero_padded_iso_week()
    {
        Assert.Equal("memo-org_a-2026-W53", new MemoSlot(2026, 53, new DateOnly(2026, 12, 28), default, true).InstanceId("org_a"));
        Assert.Equal("memo-org_a-2027-W01", new MemoSlot(2027, 1, new DateOnly(2027, 1, 4), default, true).InstanceId("org_a"));
    }

    [Fact]
    public void Every_instant_of_a_week_in_every_sample_zone_maps_to_that_weeks_one_id()
    {
        // Hour by hour through 2026-W44 (the fall-back week in New York and Europe): one id per zone, due from its slot on.
        foreach (var zone in new[] { "UTC", "America/New_York", "Europe/Berlin", "Pacific/Auckland" })
        {
            var schedule = new MemoSchedule(zone, DayOfWeek.Wednesday, 9);
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var start = MemoSlotCalculator.ToInstant(tz, new DateTime(2026, 10, 26, 0, 0, 0, DateTimeKind.Unspecified));
            var end = MemoSlotCalculator.ToInstant(tz, new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Unspecified));
            var slots = new List<(DateTimeOffset At, MemoSlot Slot)>();
            for (var at = start; at < end; at = at.AddHours(1))
            {
                slots.Add((at, MemoSlotCalculator.Current(schedule, at)));
            }

            Assert.Single(slots.Select(s => s.Slot.InstanceId("t")).Distinct());
            Assert.All(slots, s => Assert.Equal(s.At >= s.Slot.DueAt, s.Slot.IsDue));
            Assert.Contains(slots, s => s.Slot.IsDue);
            Assert.Contains(slots, s => !s.Slot.IsDue);
        }
    }
}
