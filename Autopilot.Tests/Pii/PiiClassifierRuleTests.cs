using Autopilot.Core.Pii;
using Autopilot.Core.Warehouse;

namespace Autopilot.Tests.Pii;

/// <summary>The classifier's thresholds and name rules on hand-made profiles.</summary>
public sealed class PiiClassifierRuleTests
{
    [Theory]
    [InlineData(1000, 800, 95)]
    [InlineData(1000, 1000, 95)]
    [InlineData(10, 8, 95)]
    [InlineData(1000, 799, 50)]
    [InlineData(0, 0, 50)]
    public void Value_evidence_counts_from_eighty_percent_of_sampled_values(int sampled, int matched, int confidence)
    {
        var column = Profile("customer_email", new PiiValueMatch("email", sampled, matched));
        Assert.Equal(confidence, PiiClassifier.Classify(column)!.Confidence);
    }

    [Fact]
    public void A_value_match_below_the_threshold_on_a_neutral_name_is_not_pii()
    {
        Assert.Null(PiiClassifier.Classify(Profile("notes", new PiiValueMatch("email", 1000, 120))));
    }

    [Fact]
    public void Value_evidence_wins_over_the_name_and_carries_the_matched_type()
    {
        var tag = PiiClassifier.Classify(Profile("email_backup", new PiiValueMatch("ip_address", 500, 490)));
        Assert.Equal(new PiiTag("ip_address", 95, "value_pattern"), tag);
    }

    [Theory]
    [InlineData("email", "email")]
    [InlineData("customer_email", "email")]
    [InlineData("emailAddress", "email")]
    [InlineData("e_mail", "email")]
    [InlineData("workemail", "email")]
    [InlineData("phone_number", "phone")]
    [InlineData("telephone", "phone")]
    [InlineData("mobile", "phone")]
    [InlineData("ssn", "ssn")]
    [InlineData("social_security_no", "ssn")]
    [InlineData("passport_id", "passport")]
    [InlineData("credit_card", "credit_card")]
    [InlineData("card_number", "credit_card")]
    [InlineData("ip_address", "ip_address")]
    [InlineData("billing_address", "address")]
    [InlineData("birth_date", "date_of_birth")]
    [InlineData("birthdate", "date_of_birth")]
    [InlineData("dob", "date_of_birth")]
    [InlineData("DOB", "date_of_birth")]
    public void Suggestive_names_give_a_low_confidence_tag(string name, string piiType)
    {
        Assert.Equal(new PiiTag(piiType, 50, "name_only"), PiiClassifier.Classify(Profile(name, null)));
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("contact_number")]
    [InlineData("lesson")]
    [InlineData("dobby_score")]
    [InlineData("automobile_make")]
    [InlineData("session_id")]
    [InlineData("amount")]
    public void Names_that_merely_contain_a_term_are_not_tagged(string name)
    {
        Assert.Null(PiiClassifier.Classify(Profile(name, null)));
    }

    private static ColumnProfile Profile(string name, PiiValueMatch? match) =>
        new(name, "STRING", 0, 100, null, null, match);
}
