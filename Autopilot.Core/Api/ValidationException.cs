namespace Autopilot.Core.Api;

/// <summary>Schema validation failure: 422 with the seed's <c>{"detail":[{type,loc,msg,input}]}</c> list; not audited.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyList<ValidationIssue> issues) : base("validation failed")
    {
        Issues = issues;
    }

    public ValidationException() : this([])
    {
    }

    public ValidationException(string message) : base(message)
    {
        Issues = [];
    }

    public ValidationException(string message, Exception innerException) : base(message, innerException)
    {
        Issues = [];
    }

    public IReadOnlyList<ValidationIssue> Issues { get; }

    public static ValidationException Missing(string location, string field) =>
        new([new ValidationIssue("missing", [location, field], "Field required", null)]);

    public static ValidationException Invalid(string location, string field, string type, string message, object? input) =>
        new([new ValidationIssue(type, [location, field], message, input)]);
}

public sealed record ValidationIssue(string Type, IReadOnlyList<object> Loc, string Msg, object? Input);
