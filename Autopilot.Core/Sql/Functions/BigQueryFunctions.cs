using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>
/// The allow-list of BigQuery functions a query may call: aggregate, window, string, date/time, math, JSON, array,
/// conditional, hash, approximate, NET and a geography subset. Anything else — a persistent UDF, <c>ML.*</c>,
/// <c>EXTERNAL_QUERY</c>, a DuckDB table function such as <c>read_csv</c> — is refused by name.
/// </summary>
public static class BigQueryFunctions
{
    private const string Aggregates = """
        ANY_VALUE ARRAY_AGG ARRAY_CONCAT_AGG AVG BIT_AND BIT_OR BIT_XOR COUNT COUNTIF GROUPING LOGICAL_AND LOGICAL_OR
        MAX MAX_BY MIN MIN_BY STRING_AGG SUM CORR COVAR_POP COVAR_SAMP STDDEV STDDEV_POP STDDEV_SAMP VARIANCE VAR_POP
        VAR_SAMP APPROX_COUNT_DISTINCT APPROX_QUANTILES APPROX_TOP_COUNT APPROX_TOP_SUM HLL_COUNT.INIT HLL_COUNT.MERGE
        HLL_COUNT.MERGE_PARTIAL ST_UNION_AGG ST_CENTROID_AGG ST_EXTENT
        """;

    private const string WindowOnly = """
        ROW_NUMBER RANK DENSE_RANK PERCENT_RANK CUME_DIST NTILE LAG LEAD FIRST_VALUE LAST_VALUE NTH_VALUE
        PERCENTILE_CONT PERCENTILE_DISC ST_CLUSTERDBSCAN
        """;

    private const string Scalars = """
        ASCII BYTE_LENGTH CHAR_LENGTH CHARACTER_LENGTH CHR CODE_POINTS_TO_BYTES CODE_POINTS_TO_STRING CONCAT
        CONTAINS_SUBSTR EDIT_DISTANCE ENDS_WITH FORMAT FROM_BASE32 FROM_BASE64 FROM_HEX INITCAP INSTR LEFT LENGTH LOWER
        LPAD LTRIM NORMALIZE NORMALIZE_AND_CASEFOLD OCTET_LENGTH REGEXP_CONTAINS REGEXP_EXTRACT REGEXP_EXTRACT_ALL
        REGEXP_INSTR REGEXP_REPLACE REGEXP_SUBSTR REPEAT REPLACE REVERSE RIGHT RPAD RTRIM SAFE_CONVERT_BYTES_TO_STRING
        SOUNDEX SPLIT STARTS_WITH STRPOS SUBSTR SUBSTRING TO_BASE32 TO_BASE64 TO_CODE_POINTS TO_HEX TRANSLATE TRIM
        UNICODE UPPER
        CURRENT_DATE CURRENT_DATETIME CURRENT_TIME CURRENT_TIMESTAMP DATE DATE_ADD DATE_BUCKET DATE_DIFF
        DATE_FROM_UNIX_DATE DATE_SUB DATE_TRUNC DATETIME DATETIME_ADD DATETIME_BUCKET DATETIME_DIFF DATETIME_SUB
        DATETIME_TRUNC FORMAT_DATE FORMAT_DATETIME FORMAT_TIME FORMAT_TIMESTAMP GENERATE_DATE_ARRAY
        GENERATE_TIMESTAMP_ARRAY LAST_DAY PARSE_DATE PARSE_DATETIME PARSE_TIME PARSE_TIMESTAMP TIME TIME_ADD TIME_DIFF
        TIME_SUB TIME_TRUNC TIMESTAMP TIMESTAMP_ADD TIMESTAMP_BUCKET TIMESTAMP_DIFF TIMESTAMP_MICROS TIMESTAMP_MILLIS
        TIMESTAMP_SECONDS TIMESTAMP_SUB TIMESTAMP_TRUNC UNIX_DATE UNIX_MICROS UNIX_MILLIS UNIX_SECONDS JUSTIFY_DAYS
        JUSTIFY_HOURS JUSTIFY_INTERVAL MAKE_INTERVAL
        ABS ACOS ACOSH ASIN ASINH ATAN ATAN2 ATANH CBRT CEIL CEILING COS COSH COT COTH CSC CSCH DIV EXP FLOOR GREATEST
        IEEE_DIVIDE IS_INF IS_NAN LEAST LN LOG LOG10 MOD POW POWER RAND RANGE_BUCKET ROUND SAFE_ADD SAFE_DIVIDE
        SAFE_MULTIPLY SAFE_NEGATE SAFE_SUBTRACT SEC SECH SIGN SIN SINH SQRT TAN TANH TRUNC COSINE_DISTANCE
        EUCLIDEAN_DISTANCE BIT_COUNT
        COALESCE IF IFNULL NULLIF NULLIFZERO ZEROIFNULL
        JSON_EXTRACT JSON_EXTRACT_ARRAY JSON_EXTRACT_SCALAR JSON_EXTRACT_STRING_ARRAY JSON_QUERY JSON_QUERY_ARRAY
        JSON_VALUE JSON_VALUE_ARRAY JSON_TYPE JSON_KEYS JSON_ARRAY JSON_OBJECT JSON_SET JSON_REMOVE JSON_STRIP_NULLS
        JSON_ARRAY_APPEND JSON_ARRAY_INSERT PARSE_JSON TO_JSON TO_JSON_STRING BOOL FLOAT64 INT64 STRING LAX_BOOL
        LAX_FLOAT64 LAX_INT64 LAX_STRING
        ARRAY_CONCAT ARRAY_FIRST ARRAY_LAST ARRAY_LENGTH ARRAY_REVERSE ARRAY_SLICE ARRAY_TO_STRING GENERATE_ARRAY
        FARM_FINGERPRINT MD5 SHA1 SHA256 SHA512 GENERATE_UUID ERROR HLL_COUNT.EXTRACT
        NET.HOST NET.PUBLIC_SUFFIX NET.REG_DOMAIN NET.IP_FROM_STRING NET.SAFE_IP_FROM_STRING NET.IP_TO_STRING
        NET.IP_NET_MASK NET.IP_TRUNC NET.IPV4_FROM_INT64 NET.IPV4_TO_INT64
        ST_GEOGPOINT ST_MAKELINE ST_DISTANCE ST_DWITHIN ST_CONTAINS ST_WITHIN ST_INTERSECTS ST_X ST_Y ST_ASTEXT
        ST_GEOGFROMTEXT ST_GEOGFROMGEOJSON ST_ASGEOJSON ST_AREA ST_LENGTH ST_PERIMETER ST_BUFFER ST_CENTROID ST_GEOHASH
        ST_GEOGPOINTFROMGEOHASH ST_UNION ST_NPOINTS ST_BOUNDINGBOX ST_SIMPLIFY
        """;

    private static readonly FrozenDictionary<string, SqlFunctionKind> Known = BuildKnown();

    // Functions that reach outside the warehouse or the host, with what they do; refused even if BigQuery has them.
    private static readonly FrozenDictionary<string, string> OutsideReach = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EXTERNAL_QUERY"] = "queries an external database",
        ["EXTERNAL_OBJECT_TRANSFORM"] = "reads external objects",
        ["OBJ.FETCH_METADATA"] = "reads external objects",
        ["OBJ.MAKE_REF"] = "reads external objects",
        ["SESSION_USER"] = "reveals the service account",
        ["READ_CSV"] = "reads files on the host",
        ["READ_CSV_AUTO"] = "reads files on the host",
        ["READ_PARQUET"] = "reads files on the host",
        ["READ_JSON"] = "reads files on the host",
        ["READ_JSON_AUTO"] = "reads files on the host",
        ["READ_JSON_OBJECTS"] = "reads files on the host",
        ["READ_NDJSON"] = "reads files on the host",
        ["READ_NDJSON_AUTO"] = "reads files on the host",
        ["READ_TEXT"] = "reads files on the host",
        ["READ_BLOB"] = "reads files on the host",
        ["READ_XLSX"] = "reads files on the host",
        ["GLOB"] = "lists files on the host",
        ["PARQUET_SCAN"] = "reads files on the host",
        ["PARQUET_METADATA"] = "reads files on the host",
        ["PARQUET_SCHEMA"] = "reads files on the host",
        ["SNIFF_CSV"] = "reads files on the host",
        ["GETENV"] = "reads the host's environment",
        ["CURRENT_SETTING"] = "reads the engine's settings",
        ["QUERY"] = "runs SQL from a string",
        ["QUERY_TABLE"] = "reads a table named by a string",
        ["ICEBERG_SCAN"] = "reads external storage",
        ["DELTA_SCAN"] = "reads external storage",
        ["SQLITE_SCAN"] = "reads another database",
        ["SQLITE_ATTACH"] = "attaches another database",
        ["POSTGRES_SCAN"] = "reads another database",
        ["POSTGRES_QUERY"] = "queries another database",
        ["MYSQL_SCAN"] = "reads another database",
        ["MYSQL_QUERY"] = "queries another database",
        ["HTTP_GET"] = "makes HTTP requests",
        ["HTTP_POST"] = "makes HTTP requests",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every allow-listed function by canonical name (upper case, dotted, no <c>SAFE.</c>).</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>The kind of a known function (canonical name: upper case, no <c>SAFE.</c>), or null.</summary>
    public static SqlFunctionKind? KindOf(string canonicalName)
    {
        ArgumentNullException.ThrowIfNull(canonicalName);
        return Known.TryGetValue(canonicalName, out var kind) ? kind : null;
    }

    /// <summary>True for an aggregate function (one that, without OVER, collapses a group).</summary>
    public static bool IsAggregate(SqlFunctionCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Over is null && SqlFunctionNames.Canonical(call.Name) is { } name && KindOf(name) == SqlFunctionKind.Aggregate;
    }

    /// <summary>
    /// Why calling <paramref name="name"/> is refused, or null when it is allowed. <paramref name="asTable"/>: it was
    /// called in FROM as a table function, which no allowed function is.
    /// </summary>
    public static string? RefusalOf(SqlList<string> name, bool asTable = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonical = SqlFunctionNames.Canonical(name);
        var display = string.Join('.', name);
        if (canonical is null)
        {
            return $"Function not allowed: {display} (not a known BigQuery function)";
        }

        if (OutsideReach.TryGetValue(canonical, out var what))
        {
            return $"Function not allowed: {display} ({what})";
        }

        if (canonical.StartsWith("ML.", StringComparison.Ordinal) || canonical.StartsWith("AI.", StringComparison.Ordinal)
            || canonical.StartsWith("VECTOR_SEARCH", StringComparison.Ordinal))
        {
            return $"Function not allowed: {display} (runs models outside the query)";
        }

        if (canonical.StartsWith("DUCKDB_", StringComparison.Ordinal) || canonical.StartsWith("PRAGMA_", StringComparison.Ordinal)
            || canonical.StartsWith("PG_", StringComparison.Ordinal) || canonical.StartsWith("SQLITE_", StringComparison.Ordinal))
        {
            return $"Function not allowed: {display} (reads the engine's catalog)";
        }

        if (asTable)
        {
            return $"Function not allowed: {display} (table functions are not allowed)";
        }

        return Known.ContainsKey(canonical) ? null : $"Function not allowed: {display} (not a known BigQuery function)";
    }

    private static FrozenDictionary<string, SqlFunctionKind> BuildKnown()
    {
        var known = new Dictionary<string, SqlFunctionKind>(StringComparer.Ordinal);
        foreach (var (names, kind) in new[] { (Scalars, SqlFunctionKind.Scalar), (WindowOnly, SqlFunctionKind.Window), (Aggregates, SqlFunctionKind.Aggregate) })
        {
            foreach (var name in names.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                known[name] = kind;
            }
        }

        return known.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
