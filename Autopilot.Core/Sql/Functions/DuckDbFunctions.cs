using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>
/// The allow-listed BigQuery functions the DuckDB translation carries to the demo warehouse with BigQuery's meaning
/// (same name in DuckDB, or renamed or rewritten by <see cref="DuckDbTranslator"/>). Any other allow-listed function
/// is refused for the demo warehouse before it runs — "X is not supported on the demo warehouse" — while BigQuery still
/// admits it. A function added here needs its case in the tests' table (Autopilot.Tests/Sql/DuckDbFunctionCases.cs),
/// which runs it on DuckDB and checks BigQuery's documented value.
/// </summary>
public static class DuckDbFunctions
{
    // Aggregates.
    private const string Aggregates = """
        ANY_VALUE ARRAY_AGG ARRAY_CONCAT_AGG AVG BIT_AND BIT_OR BIT_XOR COUNT COUNTIF GROUPING LOGICAL_AND LOGICAL_OR
        MAX MAX_BY MIN MIN_BY STRING_AGG SUM CORR COVAR_POP COVAR_SAMP STDDEV STDDEV_POP STDDEV_SAMP VARIANCE VAR_POP
        VAR_SAMP APPROX_COUNT_DISTINCT APPROX_QUANTILES APPROX_TOP_COUNT
        """;

    // Window functions.
    private const string Windows = """
        ROW_NUMBER RANK DENSE_RANK PERCENT_RANK CUME_DIST NTILE LAG LEAD FIRST_VALUE LAST_VALUE NTH_VALUE
        PERCENTILE_CONT PERCENTILE_DISC
        """;

    // Text and bytes.
    private const string Strings = """
        ASCII BYTE_LENGTH CHAR_LENGTH CHARACTER_LENGTH CHR CODE_POINTS_TO_STRING CONCAT CONTAINS_SUBSTR EDIT_DISTANCE
        ENDS_WITH FORMAT FROM_BASE64 FROM_HEX INSTR LEFT LENGTH LOWER LPAD LTRIM OCTET_LENGTH REGEXP_CONTAINS
        REGEXP_EXTRACT REGEXP_EXTRACT_ALL REGEXP_REPLACE REGEXP_SUBSTR REPEAT REPLACE REVERSE RIGHT RPAD RTRIM
        SAFE_CONVERT_BYTES_TO_STRING SPLIT STARTS_WITH STRPOS SUBSTR SUBSTRING TO_BASE64 TO_HEX TRANSLATE TRIM UNICODE
        UPPER
        """;

    // Dates and times (SqlPrinter.DuckDbDates.cs).
    private const string Dates = """
        CURRENT_DATE CURRENT_DATETIME CURRENT_TIME CURRENT_TIMESTAMP DATE DATE_ADD DATE_DIFF DATE_FROM_UNIX_DATE
        DATE_SUB DATE_TRUNC DATETIME DATETIME_ADD DATETIME_DIFF DATETIME_SUB DATETIME_TRUNC FORMAT_DATE FORMAT_DATETIME
        FORMAT_TIME FORMAT_TIMESTAMP GENERATE_DATE_ARRAY GENERATE_TIMESTAMP_ARRAY LAST_DAY PARSE_DATE PARSE_DATETIME
        PARSE_TIME PARSE_TIMESTAMP TIME TIME_ADD TIME_DIFF TIME_SUB TIMESTAMP TIMESTAMP_ADD TIMESTAMP_DIFF
        TIMESTAMP_MICROS TIMESTAMP_MILLIS TIMESTAMP_SECONDS TIMESTAMP_SUB TIMESTAMP_TRUNC UNIX_DATE UNIX_MICROS
        UNIX_MILLIS UNIX_SECONDS
        """;

    // Math, conditionals, JSON, arrays, hashes.
    private const string Others = """
        ABS ACOS ACOSH ASIN ASINH ATAN ATAN2 ATANH CBRT CEIL CEILING COS COSH COT COTH CSC CSCH DIV EXP FLOOR GREATEST
        IEEE_DIVIDE IS_INF IS_NAN LEAST LN LOG LOG10 MOD POW POWER RAND RANGE_BUCKET ROUND SAFE_ADD SAFE_DIVIDE
        SAFE_MULTIPLY SAFE_NEGATE SAFE_SUBTRACT SEC SECH SIGN SIN SINH SQRT TAN TANH TRUNC COSINE_DISTANCE
        EUCLIDEAN_DISTANCE BIT_COUNT COALESCE IF IFNULL NULLIF NULLIFZERO ZEROIFNULL JSON_EXTRACT JSON_EXTRACT_ARRAY
        JSON_EXTRACT_SCALAR JSON_EXTRACT_STRING_ARRAY JSON_QUERY JSON_QUERY_ARRAY JSON_VALUE JSON_VALUE_ARRAY JSON_TYPE
        JSON_ARRAY JSON_OBJECT PARSE_JSON TO_JSON TO_JSON_STRING BOOL FLOAT64 INT64 STRING LAX_BOOL LAX_FLOAT64
        LAX_INT64 LAX_STRING ARRAY_CONCAT ARRAY_FIRST ARRAY_LAST ARRAY_LENGTH ARRAY_REVERSE ARRAY_SLICE ARRAY_TO_STRING
        GENERATE_ARRAY MD5 SHA1 SHA256 GENERATE_UUID ERROR
        """;

    private static readonly FrozenSet<string> Translated =
        string.Join(' ', Aggregates, Windows, Strings, Dates, Others)
            .Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The canonical names (upper case, dotted, no <c>SAFE.</c>) the DuckDB translation carries.</summary>
    public static IReadOnlySet<string> Names => Translated;

    /// <summary>True when the DuckDB translation carries <paramref name="canonicalName"/>.</summary>
    public static bool Translates(string canonicalName) => Translated.Contains(canonicalName);

    /// <summary>Why a call of an allow-listed function cannot run on the demo warehouse, or null when it can.</summary>
    public static string? RefusalOf(SqlList<string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonical = SqlFunctionNames.Canonical(name);
        return canonical is null || Translated.Contains(canonical) ? null : $"{canonical} is not supported on the demo warehouse";
    }
}
