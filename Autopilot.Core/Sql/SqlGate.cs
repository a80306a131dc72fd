namespace Autopilot.Core.Sql;

/// <summary>
/// The one gate every query passes: an allow-list. A query is admitted only when the parser understands all of it as
/// one read-only BigQuery query; then rules run on the tree in the order block → require → enforce, and the admitted
/// query is re-printed from the checked tree. Pure and thread-safe; any input yields a decision, never an exception.
/// </summary>
public static class SqlGate
{
    /// <summary>Decides whether <paramref name="sql"/> may run, and how (see <see cref="SqlGateDecision"/>).</summary>
    public static SqlGateDecision Evaluate(string sql, SqlGateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return EvaluateText(sql ?? string.Empty, context);
        }
#pragma warning disable CA1031 // The contract is a decision for every input: an unforeseen failure refuses, never throws.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return SqlGateDecision.Refuse($"Invalid SQL: the query could not be checked ({e.GetType().Name})", SqlRuleIds.InvalidSql);
        }
    }

    private static SqlGateDecision EvaluateText(string sql, SqlGateContext context)
    {
        var options = context.Options;
        if (sql.Length > options.MaxSqlLength)
        {
            return SqlGateDecision.Refuse($"SQL is too long: {sql.Length} characters (max {options.MaxSqlLength})", SqlRuleIds.TooLong);
        }

        // Block, on the text: comment payloads, a statement that is not a query, a second statement.
        var lexed = SqlLexer.Lex(sql);
        if (SqlCommentPayloads.Find(sql, lexed.Comments) is { } payload)
        {
            return SqlGateDecision.Refuse(payload, SqlRuleIds.CommentPayload);
        }

        var tokens = lexed.Tokens;
        var first = tokens[0];
        var second = SqlStatementShape.SecondStatement(tokens);
        if (first.Kind != SqlTokenKind.End && !SqlStatementShape.StartsQuery(first))
        {
            var found = SqlStatementShape.Describe(tokens, 0);
            var refusal = SqlStatementShape.IsBlockedStatementWord(first)
                ? SqlGateDecision.Refuse($"Blocked operation: {found}", SqlRuleIds.BlockedOperation)
                : SqlGateDecision.Refuse($"Only SELECT queries are allowed (found {found})", SqlRuleIds.SelectOnly);
            return second is null ? refusal : refusal with
            {
                Reasons = [.. refusal.Reasons, second],
                RuleIds = [.. refusal.RuleIds, SqlRuleIds.MultiStatement],
            };
        }

        if (second is not null)
        {
            return SqlGateDecision.Refuse(second, SqlRuleIds.MultiStatement);
        }

        if (first.Kind == SqlTokenKind.End && lexed.Error is null)
        {
            return SqlGateDecision.Refuse("Invalid SQL: the query is empty", SqlRuleIds.InvalidSql);
        }

        // Block, on the tree: anything the parser does not understand completely.
        var parsed = SqlParser.Parse(sql, lexed);
        if (parsed.Failure is { } failure)
        {
            return Refuse(failure, tokens, sql);
        }

        var query = parsed.Query!;
        var facts = SqlQueryFacts.Collect(query);
        var reasons = new List<string>();
        var ruleIds = new List<string>();
        BlockOnTree(facts, context, reasons, ruleIds);
        var tables = TablesOf(facts, context);
        if (reasons.Count > 0)
        {
            return new SqlGateDecision(false, null, reasons, ruleIds, tables);
        }

        // Require: time filters on tables that need them.
        var (filtered, unfiltered) = SqlTimeFilter.Apply(query, context);
        if (unfiltered.Count > 0)
        {
            if (options.RequireTimeFilter == SqlTimeFilterMode.Block)
            {
                foreach (var table in unfiltered)
                {
                    reasons.Add($"Time filter required on {table}");
                    ruleIds.Add(SqlRuleIds.TimeFilterRequired);
                }

                return new SqlGateDecision(false, null, reasons, ruleIds, tables);
            }

            reasons.Add("Partition filter auto-added");
            ruleIds.Add(SqlRuleIds.PartitionFilterAdded);
        }

        // Enforce: the row limit.
        var limited = SqlRowLimit.Apply(filtered, options);
        if (limited.Reason is { } limitReason)
        {
            reasons.Add(limitReason);
            ruleIds.Add(limited.RuleId!);
            if (limited.Refused)
            {
                return new SqlGateDecision(false, null, [limitReason], [limited.RuleId!], tables);
            }
        }

        return new SqlGateDecision(true, SqlPrinter.Print(limited.Query), reasons, ruleIds, tables) { Query = limited.Query };
    }

    private static SqlGateDecision Refuse(SqlParseFailure failure, IReadOnlyList<SqlToken> tokens, string sql)
    {
        var at = failure.Error;
        return failure.Kind switch
        {
            SqlParseFailureKind.RecursiveCte => SqlGateDecision.Refuse(
                $"WITH RECURSIVE is not allowed (at line {at.Line}, column {at.Column})", SqlRuleIds.RecursiveCte),
            SqlParseFailureKind.FileTable => SqlGateDecision.Refuse($"Table not allowed: {at.Message}", SqlRuleIds.TableNotAllowed),
            SqlParseFailureKind.SystemVariable => SqlGateDecision.Refuse($"Blocked operation: {at.Message}", SqlRuleIds.BlockedOperation),
            SqlParseFailureKind.MultiStatement => SqlGateDecision.Refuse("Multi-statement SQL is blocked", SqlRuleIds.MultiStatement),
            SqlParseFailureKind.Syntax when StatementWordAt(failure, tokens) is { } index => SqlGateDecision.Refuse(
                $"Blocked operation: {SqlStatementShape.Describe(tokens, index)} (at {Where(sql, tokens[index].Start)})",
                SqlRuleIds.BlockedOperation),
            _ => SqlGateDecision.Refuse($"Invalid SQL: {at}", SqlRuleIds.InvalidSql),
        };
    }

    // A statement word where the query could not go on is what was found: at the failure (SELECT 1 DROP TABLE t), or
    // just before it, read as a name ((DELETE FROM t) reads DELETE as a table and fails at FROM).
    private static int? StatementWordAt(SqlParseFailure failure, IReadOnlyList<SqlToken> tokens)
    {
        var index = failure.TokenIndex;
        if (SqlStatementShape.IsStatementWordInQuery(tokens[index]))
        {
            return index;
        }

        return index > 0 && SqlStatementShape.IsStatementWordInQuery(tokens[index - 1]) ? index - 1 : null;
    }

    private static string Where(string sql, int position)
    {
        var at = SqlSyntaxError.At(sql, position, string.Empty);
        return $"line {at.Line}, column {at.Column}";
    }

    private static void BlockOnTree(SqlQueryFacts facts, SqlGateContext context, List<string> reasons, List<string> ruleIds)
    {
        void Add(string reason, string ruleId)
        {
            if (!reasons.Contains(reason))
            {
                reasons.Add(reason);
                ruleIds.Add(ruleId);
            }
        }

        foreach (var function in facts.TableFunctions)
        {
            Add(BigQueryFunctions.RefusalOf(function.Name, asTable: true)!, SqlRuleIds.FunctionNotAllowed);
        }

        foreach (var call in facts.Functions)
        {
            if (BigQueryFunctions.RefusalOf(call.Name) is { } refusal)
            {
                Add(refusal, SqlRuleIds.FunctionNotAllowed);
            }
            else if (context.Dialect == SqlDialect.DuckDb && DuckDbFunctions.RefusalOf(call.Name) is { } unsupported)
            {
                Add(unsupported, SqlRuleIds.FunctionNotOnWarehouse);
            }
        }

        HashSet<string>? datasets = null;
        foreach (var table in facts.Tables)
        {
            datasets ??= SqlCatalogIndex.Datasets(context.Catalog);
            if (SqlTableRules.RefusalOf(table.Path, datasets) is { } refusal)
            {
                Add(refusal, SqlRuleIds.TableNotAllowed);
            }
        }

        var options = context.Options;
        if (facts.JoinCount > options.MaxJoinDepth)
        {
            Add($"Join depth exceeds max ({options.MaxJoinDepth})", SqlRuleIds.JoinDepth);
        }

        if (facts.MaxSubqueryDepth > options.MaxSubqueryDepth)
        {
            Add($"Subquery nesting exceeds max ({options.MaxSubqueryDepth})", SqlRuleIds.SubqueryDepth);
        }
    }

    private static List<SqlTableReference> TablesOf(SqlQueryFacts facts, SqlGateContext context)
    {
        var tables = new List<SqlTableReference>(facts.Tables.Count);
        foreach (var table in facts.Tables)
        {
            var path = table.Path;
            tables.Add(new SqlTableReference(
                string.Join('.', path),
                path.Count >= 2 ? path[^2] : null,
                path[^1],
                table.Alias,
                SqlCatalogIndex.Find(context.Catalog, path)?.Key));
        }

        return tables;
    }
}
