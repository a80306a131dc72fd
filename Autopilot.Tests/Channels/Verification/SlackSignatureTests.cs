using System.Text;
using Autopilot.Core.Channels.Verification;

namespace Autopilot.Tests.Channels.Verification;

/// <summary>CHAN-1: which Slack requests carry a valid v0 signature, one case per refusal reason.</summary>
public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=x&team_id=T1&user_id=U1&text=%2Fask+how+many+orders");

    [Fact]
    public void The_signature_is_slacks_documented_v0_hmac_of_version_timestamp_and_raw_body()
    {
        // Slack's own example (api.slack.com, "Verifying requests from Slack").
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        var signature = SlackSignature.Compute(Secret, "1531420618", Encoding.UTF8.GetBytes(body));

        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature);
    }

    public static TheoryData<string, string, string?, string?, byte[], bool> Cases()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var good = SlackSignature.Compute(Secret, ts, Body);
        string At(long offset) => (Now.ToUnixTimeSeconds() + offset).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            { "valid", Secret, ts, good, Body, true },
            { "secret unset", "", ts, SlackSignature.Compute("", ts, Body), Body, false },
            { "timestamp missing", Secret, null, good, Body, false },
            { "signature missing", Secret, ts, null, Body, false },
            { "other secret", Secret, ts, SlackSignature.Compute("another-secret", ts, Body), Body, false },
            { "body changed", Secret, ts, good, Encoding.UTF8.GetBytes("token=x&team_id=T2"), false },
            { "timestamp changed", Secret, At(1), good, Body, false },
            { "300 s old", Secret, At(-300), SlackSignature.Compute(Secret, At(-300), Body), Body, true },
            { "301 s old", Secret, At(-301), SlackSignature.Compute(Secret, At(-301), Body), Body, false },
            { "301 s ahead", Secret, At(301), SlackSignature.Compute(Secret, At(301), Body), Body, false },
            { "timestamp not an integer", Secret, ts + ".5", SlackSignature.Compute(Secret, ts + ".5", Body), Body, false },
            { "timestamp signed", Secret, "+" + ts, SlackSignature.Compute(Secret, "+" + ts, Body), Body, false },
            { "upper-case hex", Secret, ts, good.ToUpperInvariant().Replace("V0=", "v0=", StringComparison.Ordinal), Body, false },
            { "no version prefix", Secret, ts, good[3..], Body, false },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_request_is_slacks_only_with_the_secret_set_both_headers_a_fresh_integer_timestamp_and_the_exact_signature(
        string why, string secret, string? timestamp, string? signature, byte[] body, bool valid)
    {
        Assert.True(valid == SlackSignature.IsValid(secret, timestamp, signature, body, Now), why);
    }
}
