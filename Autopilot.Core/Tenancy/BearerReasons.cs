namespace Autopilot.Core.Tenancy;

/// <summary>Why a bearer token was refused: the <c>auth_reason</c> of audit rows, and the tests' table of bad tokens.</summary>
public static class BearerReasons
{
    public const string MissingToken = "missing_token";
    public const string Malformed = "malformed_token";
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string WrongIssuer = "wrong_issuer";
    public const string WrongAudience = "wrong_audience";
    public const string NoSignature = "unsigned";
    public const string BadSignature = "bad_signature";
    public const string UnknownKey = "unknown_key";
    public const string AuthorityUnavailable = "authority_unavailable";
    public const string NoTenant = "no_tenant_claim";
    public const string NoRole = "no_role";
    public const string HeaderMismatch = "header_mismatch";
}
