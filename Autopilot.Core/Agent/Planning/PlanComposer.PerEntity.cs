using System.Text;

namespace Autopilot.Core.Agent.Planning;

internal static partial class PlanComposer
{
    // "Events per active user": the measure per person first (one row per person with rows in the window), then the
    // average over those people beside their number and the total, so a reader (and the critic) sees all three.
    private static ComposedQuery PerEntity(PlanRequest request, CatalogRoles roles)
    {
        var measure = request.Measure;
        var table = measure.Table;
        var id = table.Ref(roles.EntityIdIn(table)!);
        var source = SourceOf(request, roles, table, request.Window);
        var person = request.PerEntity!;
        var people = PlanSql.Alias(Plural(person));
        var average = PlanSql.Alias(measure.Name.StartsWith("average", StringComparison.Ordinal) ? $"{measure.Name}_per_{person}" : $"average_{measure.Name}_per_{person}");
        var total = measure.Aggregate is "COUNT" or "SUM" ? PlanSql.Alias("total_" + measure.Name) : null;
        var group = request.GroupBy;
        var sql = new StringBuilder("WITH per_entity AS (\n  SELECT ").Append(id).Append(" AS entity_id");
        if (group is not null)
        {
            sql.Append(", ").Append(group.Table.Ref(group.Column)).Append(" AS ").Append(PlanSql.Name(group.Column));
        }

        sql.Append(", ").Append(measure.Sql()).Append(" AS value")
            .Append("\n  FROM ").Append(source.From.Replace("\n", "\n  ", StringComparison.Ordinal))
            .Append("\n  WHERE ").Append(Where(source.Where).Replace("\n", "\n  ", StringComparison.Ordinal))
            .Append("\n  GROUP BY ").Append(id);
        if (group is not null)
        {
            sql.Append(", ").Append(group.Table.Ref(group.Column));
        }

        sql.Append("\n)\nSELECT ");
        if (group is not null)
        {
            sql.Append(PlanSql.Name(group.Column)).Append(", ");
        }

        if (total is not null)
        {
            sql.Append("SUM(value) AS ").Append(total).Append(", ");
        }

        sql.Append("COUNT(*) AS ").Append(people).Append(", AVG(value) AS ").Append(average).Append("\nFROM per_entity");
        if (group is not null)
        {
            sql.Append("\nGROUP BY ").Append(PlanSql.Name(group.Column))
                .Append("\nORDER BY ").Append(average).Append(request.Ascending ? " ASC" : " DESC").Append(", ").Append(PlanSql.Name(group.Column));
            if (request.Top is { } top)
            {
                sql.Append("\nLIMIT ").Append(PlanSql.Number(top));
            }
        }

        var split = group is null ? string.Empty : $" by {group.Label}";
        var who = $"{Plural(person)} with at least one row of {table.Display} in the window";
        return new ComposedQuery(
            sql.ToString(),
            group is null ? ResultShape.Scalar : ResultShape.Table,
            $"Average {measure.Label} per {person}{split} {request.Window.Phrase}{FilterText(request)}: per {person} first, then averaged over the {who}.",
            $"Per {roles.EntityIdIn(table)} in {table.Display}, {measure.Sql()} for rows with {table.TimeColumn} in {request.Window.Description}{FilterText(request)}; then the number of {Plural(person)}{(total is null ? string.Empty : ", the total")} and the average{split}.",
            Reads(table, source),
            [.. source.Risks, $"The average is over {who}; {Plural(person)} with none are not counted."]);
    }

    private static string Plural(string person) => person.EndsWith('s') ? person : person + "s";
}
