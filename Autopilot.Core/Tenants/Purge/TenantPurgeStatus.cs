namespace Autopilot.Core.Tenants.Purge;

/// <summary>Where a tenant purge stands.</summary>
public static class TenantPurgeStatus
{
    /// <summary>Stores are being emptied; the tenant's routes answer 409.</summary>
    public const string Purging = "purging";

    /// <summary>Every store counted zero in the verification stage.</summary>
    public const string Purged = "purged";

    /// <summary>The verification found rows left after a second pass; the tenant stays blocked until a purge succeeds.</summary>
    public const string VerificationFailed = "verification_failed";
}
