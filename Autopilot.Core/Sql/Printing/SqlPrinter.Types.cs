namespace Autopilot.Core.Sql;

/// <summary>Types: INT64, ARRAY&lt;T&gt;, STRUCT&lt;name T, …&gt;.</summary>
public partial class SqlPrinter
{
    private protected virtual void WriteType(SqlType type)
    {
        switch (type)
        {
            case SqlNamedType named:
                WriteNamedType(named);
                break;
            case SqlArrayType array:
                Text("ARRAY<");
                WriteType(array.Element);
                Text('>');
                break;
            case SqlStructType structure:
                Text("STRUCT");
                WriteStructTypeFields(structure);
                break;
            default:
                throw new ArgumentException($"Unknown type {type.GetType().Name}", nameof(type));
        }
    }

    private protected void WriteStructTypeFields(SqlStructType structure)
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

    private protected void WriteNamedType(SqlNamedType named)
    {
        Text(named.Name);
        if (named.Parameters.Count > 0)
        {
            Text('(');
            Join(named.Parameters, p => Text(p));
            Text(')');
        }
    }
}
