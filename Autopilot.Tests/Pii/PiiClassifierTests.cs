using Autopilot.Core.Pii;
using Autopilot.Core.Warehouse;
using Autopilot.Tests.Warehouse;

namespace Autopilot.Tests.Pii;

/// <summary>Classification of the demo warehouse's users, profiled for real.</summary>
[Collection(DemoWarehouseCollection.Name)]
public sealed class PiiClassifierTests
{
    private readonly DemoWarehouseFixture _demo;

    public PiiClassifierTests(DemoWarehouseFixture demo) => _demo = demo;

    [Fact]
    public async Task Email_column_is_tagged_email_with_high_confidence_from_its_values()
    {
        var tag = PiiClassifier.Classify(await UserColumnAsync("email"));
        Assert.Equal(new PiiTag("email", 95, "value_pattern"), tag);
    }

    [Fact]
    public async Task Contact_number_is_tagged_phone_with_high_confidence_although_its_name_says_nothing()
    {
        Assert.Null(PiiClassifier.NameSuggests("contact_number"));
        var tag = PiiClassifier.Classify(await UserColumnAsync("contact_number"));
        Assert.Equal(new PiiTag("phone", 95, "value_pattern"), tag);
    }

    [Fact]
    public async Task Email_opt_in_is_tagged_for_review_on_its_name_alone()
    {
        var tag = PiiClassifier.Classify(await UserColumnAsync("email_opt_in"));
        Assert.Equal(new PiiTag("email", 50, "name_only"), tag);
    }

    [Theory]
    [InlineData("users", "channel")]
    [InlineData("users", "country")]
    [InlineData("users", "user_id")]
    [InlineData("events", "event_name")]
    [InlineData("events", "properties")]
    [InlineData("orders", "status")]
    public async Task Columns_without_pii_values_or_names_are_not_tagged(string table, string column)
    {
        Assert.Null(PiiClassifier.Classify(await ColumnAsync(table, column)));
    }

    private Task<ColumnProfile> UserColumnAsync(string column) => ColumnAsync("users", column);

    private async Task<ColumnProfile> ColumnAsync(string table, string column)
    {
        var warehouse = _demo.CreateWarehouse();
        var schema = await warehouse.IntrospectAsync(CancellationToken.None);
        var profile = await warehouse.ProfileTableAsync(schema.Tables.Single(t => t.Name == table), new ProfileOptions(Sampling: true), CancellationToken.None);
        return profile.Columns.Single(c => c.Name == column);
    }
}
