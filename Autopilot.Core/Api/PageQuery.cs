using Autopilot.Core.Storage;

namespace Autopilot.Core.Api;

/// <summary>
/// <c>limit</c> and <c>cursor</c> of every list route: at most <see cref="MaxLimit"/> items a page (default
/// <see cref="DefaultLimit"/>); the cursor is the previous page's <c>next_cursor</c>. Bad values answer 422.
/// </summary>
public sealed record PageQuery(int Limit, PageCursor? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static PageQuery First(int limit = DefaultLimit) => new(limit, null);

    public static PageQuery From(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = DefaultLimit;
        if (context.Query("limit") is { } rawLimit
            && !(int.TryParse(rawLimit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            throw ValidationException.Invalid("query", "limit", "int_parsing", $"limit must be a whole number from 1 to {MaxLimit}", rawLimit);
        }

        PageCursor? cursor = null;
        if (context.Query("cursor") is { } rawCursor)
        {
            cursor = PageCursor.TryDecode(rawCursor)
                ?? throw ValidationException.Invalid("query", "cursor", "value_error", "cursor must be a next_cursor returned by this list", rawCursor);
        }

        return new PageQuery(limit, cursor);
    }
}
