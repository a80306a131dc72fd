using Autopilot.Core.Pii;

namespace Autopilot.Tests.Pii;

public sealed class PiiValuePatternsTests
{
    [Theory]
    [InlineData("email", "james.smith123@example.com")]
    [InlineData("email", " Mary_O+news@mail.example.co.uk ")]
    [InlineData("phone", "+1-415-555-0143")]
    [InlineData("phone", "(415) 555-0143")]
    [InlineData("phone", "415.555.0143")]
    [InlineData("phone", "+14155550143")]
    [InlineData("phone", "+44-20-7946-0123")]
    [InlineData("phone", "+49 151 23456789")]
    [InlineData("ssn", "123-45-6789")]
    [InlineData("credit_card", "4111111111111111")]
    [InlineData("credit_card", "4111-1111-1111-1111")]
    [InlineData("credit_card", "3782 822463 10005")]
    [InlineData("ip_address", "192.168.0.1")]
    [InlineData("ip_address", "8.8.8.8")]
    public void Recognizes_values_of_each_type(string piiType, string value)
    {
        Assert.True(PiiValuePatterns.Matches(piiType, value));
        Assert.Equal([piiType], PiiValuePatterns.Types.Where(t => PiiValuePatterns.Matches(t, value)));
    }

    [Theory]
    [InlineData("email", "not an email")]
    [InlineData("email", "a@b")]
    [InlineData("email", "user@@example.com")]
    [InlineData("phone", "12345")]
    [InlineData("phone", "2026-11-26")]
    [InlineData("phone", "evt_00000042")]
    [InlineData("phone", "+1")]
    [InlineData("ssn", "000-12-3456")]
    [InlineData("ssn", "666-12-3456")]
    [InlineData("ssn", "123456789")]
    [InlineData("credit_card", "4111111111111112")]
    [InlineData("credit_card", "1234")]
    [InlineData("ip_address", "256.1.1.1")]
    [InlineData("ip_address", "1.2.3")]
    [InlineData("ip_address", "01.2.3.4")]
    public void Rejects_look_alikes(string piiType, string value)
    {
        Assert.False(PiiValuePatterns.Matches(piiType, value));
    }

    [Theory]
    [InlineData("organic_search")]
    [InlineData("u_000123")]
    [InlineData("completed")]
    [InlineData("{\"device\":\"mobile\"}")]
    [InlineData("46.81")]
    public void Ordinary_values_match_no_type(string value)
    {
        Assert.DoesNotContain(PiiValuePatterns.Types, t => PiiValuePatterns.Matches(t, value));
    }
}
