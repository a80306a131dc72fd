namespace Autopilot.Core.Sql;

/// <summary>Types, mapped to DuckDB's names in that dialect.</summary>
public sealed partial class SqlPrinter
{
    private void WriteType(SqlType type)
    {
        switch (type)
        {
            case SqlNamedType named:
                WriteNamedType(named);
                break;
            case SqlArrayType array:
                if (DuckDb)
                {
                    WriteType(array.Element);
                    Text("[]");
                }
                else
                {
                    Text("ARRAY<");
                    WriteType(array.Element);
                    Text('>');
                }

                break;
            case SqlStructType structure:
                if (DuckDb)
                {
                    WriteDuckDbStructType(structure);
                }
                else
                {
                    Text("STRUCT");
                    WriteStructTypeFields(structure);
                }

                break;
            default:
                throw new ArgumentException($"Unknown type {type.GetType().Name}", nameof(type));
        }
    }

    private void WriteStructTypeFields(SqlStructType structure)
    {
        Text('<');
        Join(structure.Fields, field =>
        {
            if (field.Name is { } name)
            {
                WriteName(name);
                Text(' ');
            }

            WriteType(field.Type);
        });
        Text('>');
    }

    // DuckDB struct fields must be named; BigQuery's anonymous ones get positional names.
    private void WriteDuckDbStructType(SqlStructType structure)
    {
        Text("STRUCT(");
        for (var i = 0; i < structure.Fields.Count; i++)
        {
            if (i > 0)
            {
                Text(", ");
            }

            WriteName(structure.Fields[i].Name ?? $"_field_{i + 1}");
            Text(' ');
            WriteType(structure.Fields[i].Type);
        }

        Text(')');
    }

    private void WriteNamedType(SqlNamedType named)
    {
        if (!DuckDb)
        {
            Text(named.Name);
            if (named.Parameters.Count > 0)
            {
                Text('(');
                Join(named.Parameters, p => Text(p));
                Text(')');
            }

            return;
        }

        switch (named.Name)
        {
            case "INT64" or "INT" or "SMALLINT" or "INTEGER" or "BIGINT" or "TINYINT" or "BYTEINT":
                Text("BIGINT");
                break;
            case "FLOAT64":
                Text("DOUBLE");
                break;
            case "NUMERIC" or "DECIMAL" or "BIGNUMERIC" or "BIGDECIMAL":
                // DuckDB's DECIMAL stops at 38 digits; BIGNUMERIC's 76 do not fit (a documented gap).
                if (named.Parameters.Count > 0)
                {
                    Text("DECIMAL(");
                    Join(named.Parameters, p => Text(p));
                    Text(')');
                }
                else
                {
                    Text("DECIMAL(38, 9)");
                }

                break;
            case "STRING":
                Text("VARCHAR");
                break;
            case "BYTES":
                Text("BLOB");
                break;
            case "BOOL" or "BOOLEAN":
                Text("BOOLEAN");
                break;
            case "DATETIME" or "TIMESTAMP":
                // The demo warehouse keeps BigQuery TIMESTAMPs as UTC wall-clock TIMESTAMPs.
                Text("TIMESTAMP");
                break;
            default:
                Text(named.Name);
                break;
        }
    }
}
