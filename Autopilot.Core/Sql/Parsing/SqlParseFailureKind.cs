namespace Autopilot.Core.Sql;

/// <summary>Why a text did not parse as one query; each maps to its own refusal.</summary>
public enum SqlParseFailureKind
{
    /// <summary>Not valid query syntax (or a lexing error).</summary>
    Syntax,

    /// <summary>Nested deeper than the parser follows.</summary>
    TooDeep,

    /// <summary><c>WITH RECURSIVE</c>.</summary>
    RecursiveCte,

    /// <summary>A table named by a quoted string, e.g. <c>FROM 'file.csv'</c>.</summary>
    FileTable,

    /// <summary>A scripting system variable such as <c>@@dataset_id</c>.</summary>
    SystemVariable,

    /// <summary>Text after the query's terminating <c>;</c>.</summary>
    MultiStatement,
}
