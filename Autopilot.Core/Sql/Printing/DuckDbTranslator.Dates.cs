using System.Collections.Frozen;
using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>
/// BigQuery date and time functions as DuckDB SQL. BigQuery TIMESTAMPs are UTC; the demo warehouse stores them as
/// UTC wall-clock TIMESTAMPs, so "now" is <c>now() AT TIME ZONE 'UTC'</c> and a zone argument converts from UTC.
/// </summary>
internal sealed partial class DuckDbTranslator
{
    // Monday-based offset of each weekday: BigQuery's WEEK(<day>) weeks start that many days after an ISO (Monday) week.
    private static readonly FrozenDictionary<string, int> DaysAfterMonday = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["MONDAY"] = 0,
        ["TUESDAY"] = 1,
        ["WEDNESDAY"] = 2,
        ["THURSDAY"] = 3,
        ["FRIDAY"] = 4,
        ["SATURDAY"] = 5,
        ["SUNDAY"] = 6,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string UtcNow = "(now() AT TIME ZONE 'UTC')";

    private bool TryWriteDateFunction(string? name, SqlFunctionCall call)
    {
        var args = call.Arguments;
        var n = args.Count;
        switch (name)
        {
            case "CURRENT_TIMESTAMP" when n == 0:
                Text(UtcNow);
                return true;
            case "CURRENT_DATETIME" when n <= 1:
                WriteNowIn(n == 1 ? args[0] : null);
                return true;
            case "CURRENT_DATE" when n <= 1:
                Text("CAST(");
                WriteNowIn(n == 1 ? args[0] : null);
                Text(" AS DATE)");
                return true;
            case "CURRENT_TIME" when n <= 1:
                Text("CAST(");
                WriteNowIn(n == 1 ? args[0] : null);
                Text(" AS TIME)");
                return true;
            case "DATE" when n == 1:
                CastTo(args[0], "DATE");
                return true;
            case "DATE" when n == 2:
                Text("CAST(");
                WriteInZone(args[0], args[1]);
                Text(" AS DATE)");
                return true;
            case "DATE" when n == 3:
                Call("make_date", args[0], args[1], args[2]);
                return true;
            case "DATETIME" or "TIMESTAMP" when n == 1:
                CastTo(args[0], "TIMESTAMP");
                return true;
            case "DATETIME" when n == 2:
                Infix(args[0], " + ", args[1]);
                return true;
            case "TIME" when n == 1:
                CastTo(args[0], "TIME");
                return true;
            case "TIME" when n == 3:
                Call("make_time", args[0], args[1], args[2]);
                return true;
            case "DATE_ADD" or "DATE_SUB" when n == 2:
                // DATE ± INTERVAL is a TIMESTAMP in DuckDB; BigQuery keeps a DATE.
                Text("CAST(");
                Infix(args[0], name == "DATE_ADD" ? " + " : " - ", args[1]);
                Text(" AS DATE)");
                return true;
            case "DATETIME_ADD" or "TIMESTAMP_ADD" or "TIME_ADD" when n == 2:
                Infix(args[0], " + ", args[1]);
                return true;
            case "DATETIME_SUB" or "TIMESTAMP_SUB" or "TIME_SUB" when n == 2:
                Infix(args[0], " - ", args[1]);
                return true;
            case "DATE_TRUNC" when n == 2 && args[1] is SqlDatePartArgument part:
                Text("CAST(");
                WriteTruncate(args[0], part.Part);
                Text(" AS DATE)");
                return true;
            case "DATETIME_TRUNC" or "TIMESTAMP_TRUNC" when n is 2 or 3 && args[1] is SqlDatePartArgument part:
                WriteTruncate(args[0], part.Part);
                return true;
            case "DATE_DIFF" or "DATETIME_DIFF" when n == 3 && args[2] is SqlDatePartArgument part:
                if (part.Part.Name is "WEEK" or "ISOWEEK")
                {
                    // BigQuery counts week starts crossed; DuckDB's date_diff('week') counts whole 7-day spans. Count the
                    // days between the two weeks' starts instead (weeks start on the named day, Sunday by default).
                    var shift = part.Part.Name == "WEEK" ? (7 - DaysAfterMonday[part.Part.WeekStart ?? "SUNDAY"]) % 7 : 0;
                    Text("(date_diff('day', date_trunc('week', ");
                    WriteShifted(args[1], shift);
                    Text("), date_trunc('week', ");
                    WriteShifted(args[0], shift);
                    Text(")) // 7)");
                    return true;
                }

                // Otherwise BigQuery counts part boundaries crossed, as DuckDB's date_diff does.
                Text("date_diff(");
                WriteDuckDbPartName(part.Part);
                Text(", ");
                WriteExpression(args[1]);
                Text(", ");
                WriteExpression(args[0]);
                Text(')');
                return true;
            case "TIMESTAMP_DIFF" or "TIME_DIFF" when n == 3 && args[2] is SqlDatePartArgument part:
                // TIMESTAMP_DIFF counts whole elapsed units, as DuckDB's date_sub does.
                Text("date_sub(");
                WriteDuckDbPartName(part.Part);
                Text(", ");
                WriteExpression(args[1]);
                Text(", ");
                WriteExpression(args[0]);
                Text(')');
                return true;
            case "LAST_DAY" when n == 1 || (n == 2 && args[1] is SqlDatePartArgument { Part.Name: "MONTH" }):
                Call("last_day", args[0]);
                return true;
            case "FORMAT_DATE" or "FORMAT_DATETIME" when n == 2:
                Call("strftime", args[1], DuckDbFormat(args[0]));
                return true;
            case "FORMAT_TIME" when n == 2:
            case "FORMAT_TIMESTAMP" when n is 2 or 3:
                Text("strftime(");
                if (name == "FORMAT_TIME")
                {
                    // DuckDB's strftime takes no TIME: format the time on some day.
                    Text("DATE '1970-01-01' + ");
                    Operand(args[1]);
                }
                else if (n == 3)
                {
                    WriteInZone(args[1], args[2]);
                }
                else
                {
                    WriteExpression(args[1]);
                }

                Text(", ");
                WriteExpression(DuckDbFormat(args[0]));
                Text(')');
                return true;
            case "PARSE_DATE" or "PARSE_TIME" when n == 2:
                Text("CAST(");
                Call("strptime", args[1], DuckDbFormat(args[0]));
                Text(name == "PARSE_DATE" ? " AS DATE)" : " AS TIME)");
                return true;
            case "PARSE_DATETIME" or "PARSE_TIMESTAMP" when n == 2:
                Call("strptime", args[1], DuckDbFormat(args[0]));
                return true;
            case "UNIX_SECONDS" when n == 1:
                Text("CAST(");
                Call("epoch", args[0]);
                Text(" AS BIGINT)");
                return true;
            case "UNIX_MILLIS" when n == 1:
                Call("epoch_ms", args[0]);
                return true;
            case "UNIX_MICROS" when n == 1:
                Call("epoch_us", args[0]);
                return true;
            case "UNIX_DATE" when n == 1:
                Text("date_diff('day', DATE '1970-01-01', ");
                WriteExpression(args[0]);
                Text(')');
                return true;
            case "DATE_FROM_UNIX_DATE" when n == 1:
                Text("CAST(DATE '1970-01-01' + CAST(");
                WriteExpression(args[0]);
                Text(" AS INTEGER) AS DATE)");
                return true;
            case "TIMESTAMP_SECONDS" or "TIMESTAMP_MILLIS" or "TIMESTAMP_MICROS" when n == 1:
                Text("make_timestamp(CAST(");
                WriteExpression(args[0]);
                Text(name switch
                {
                    "TIMESTAMP_SECONDS" => " AS BIGINT) * 1000000)",
                    "TIMESTAMP_MILLIS" => " AS BIGINT) * 1000)",
                    _ => " AS BIGINT))",
                });
                return true;
            case "GENERATE_DATE_ARRAY" when n is 2 or 3:
                Text("CAST(generate_series(CAST(");
                WriteExpression(args[0]);
                Text(" AS DATE), CAST(");
                WriteExpression(args[1]);
                Text(" AS DATE), ");
                if (n == 3)
                {
                    WriteExpression(args[2]);
                }
                else
                {
                    Text("INTERVAL 1 DAY");
                }

                Text(") AS DATE[])");
                return true;
        }

        return false;
    }

    private void WriteNowIn(SqlExpression? zone)
    {
        if (zone is null)
        {
            Text(UtcNow);
            return;
        }

        Text("(now() AT TIME ZONE ");
        WriteExpression(zone);
        Text(')');
    }

    // A UTC wall-clock timestamp seen in another zone.
    private void WriteInZone(SqlExpression timestamp, SqlExpression zone)
    {
        Text('(');
        Operand(timestamp);
        Text(" AT TIME ZONE 'UTC' AT TIME ZONE ");
        WriteExpression(zone);
        Text(')');
    }

    // date_trunc, with weeks starting on the named day: shift into a Monday week, truncate, shift back.
    private void WriteTruncate(SqlExpression value, SqlDatePart part)
    {
        var days = part.Name == "WEEK" ? DaysAfterMonday[part.WeekStart ?? "SUNDAY"] : 0;
        if (days == 0)
        {
            Text("date_trunc(");
            WriteDuckDbPartName(part);
            Text(", ");
            WriteExpression(value);
            Text(')');
            return;
        }

        Text("(date_trunc('week', ");
        Operand(value);
        Text(" - INTERVAL ").Text(days.ToString(CultureInfo.InvariantCulture)).Text(" DAY) + INTERVAL ");
        Text(days.ToString(CultureInfo.InvariantCulture)).Text(" DAY)");
    }

    private void WriteShifted(SqlExpression value, int days)
    {
        if (days == 0)
        {
            WriteExpression(value);
            return;
        }

        Text('(');
        Operand(value);
        Text(" + INTERVAL ").Text(days.ToString(CultureInfo.InvariantCulture)).Text(" DAY)");
    }

    private void WriteDuckDbPartName(SqlDatePart part) => Text(part.Name switch
    {
        "ISOWEEK" or "WEEK" => "'week'",
        "ISOYEAR" => "'isoyear'",
        var other => $"'{other.ToLowerInvariant()}'",
    });

    // The strftime elements BigQuery has and DuckDB spells otherwise; other elements are the same in both.
    private static SqlExpression DuckDbFormat(SqlExpression format) => format is SqlStringLiteral literal
        ? new SqlStringLiteral(literal.Value
            .Replace("%F", "%Y-%m-%d", StringComparison.Ordinal)
            .Replace("%T", "%H:%M:%S", StringComparison.Ordinal)
            .Replace("%D", "%m/%d/%y", StringComparison.Ordinal)
            .Replace("%R", "%H:%M", StringComparison.Ordinal)
            .Replace("%E4Y", "%Y", StringComparison.Ordinal)
            .Replace("%Ez", "%z", StringComparison.Ordinal))
        : format;
}
