namespace Autopilot.Core.Sql;

/// <summary>A BigQuery data type as written in CAST, STRUCT&lt;...&gt; or ARRAY&lt;...&gt;.</summary>
public abstract record SqlType;
