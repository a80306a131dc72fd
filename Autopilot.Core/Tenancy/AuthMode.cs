namespace Autopilot.Core.Tenancy;

/// <summary>How the API establishes who calls it (AUTH_MODE).</summary>
public enum AuthMode
{
    /// <summary>The seed's contract: <c>X-Tenant-Id</c> and <c>X-User-Role</c> trusted as sent. Local use, or behind a gateway that sets them.</summary>
    Headers,

    /// <summary>OAuth 2.0 bearer tokens from an OpenID Connect issuer (e.g. Microsoft Entra ID); tenant and role come from claims.</summary>
    Jwt,
}
