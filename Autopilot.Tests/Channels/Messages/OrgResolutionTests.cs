using Autopilot.Core.Channels.Messages;

namespace Autopilot.Tests.Channels.Messages;

/// <summary>CHAN-5/6: the place's binding, then the person's, then the default; a requested org only when one of them is bound to it.</summary>
public sealed class OrgResolutionTests
{
    [Theory]
    [InlineData(null, "org_team", "org_user", "org_default", "org_team")]
    [InlineData(null, null, "org_user", "org_default", "org_user")]
    [InlineData(null, null, null, "org_default", "org_default")]
    [InlineData(null, null, null, "", null)]
    [InlineData("org_team", "org_team", "org_user", "org_default", "org_team")]
    [InlineData("org_user", "org_team", "org_user", "", "org_user")]
    [InlineData("org_other", "org_team", "org_user", "org_other", null)]
    [InlineData("org_default", null, null, "org_default", null)]
    [InlineData("org_team", null, null, "", null)]
    public void A_message_speaks_for_the_org_its_bindings_allow(string? requested, string? place, string? person, string defaultOrg, string? expected)
    {
        Assert.Equal(expected, OrgResolution.Resolve(requested, place, person, defaultOrg));
    }
}
