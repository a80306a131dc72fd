using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>The fake's OAuth side: the token endpoint (JWT-bearer grant, signature checked) and the bearer check.</summary>
internal sealed partial class FakeBigQueryServer
{
    private static readonly FakeAnswer Unavailable = ErrorBody(503, "backendError", "The service is currently unavailable.");
    private readonly HashSet<string> _failingAccounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tokenAccounts = new(StringComparer.Ordinal);

    /// <summary>Forgets every token issued, as if they had been revoked: their next use answers 401.</summary>
    public void RevokeTokens()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }

    /// <summary>
    /// An outage for one service account only (as if its project were down): its token requests and requests with its
    /// tokens answer 503 until <see cref="RestoreAccount"/>; other accounts are served as usual.
    /// </summary>
    public void FailAccount(string clientEmail)
    {
        lock (_gate)
        {
            _failingAccounts.Add(clientEmail);
        }
    }

    public void RestoreAccount(string clientEmail)
    {
        lock (_gate)
        {
            _failingAccounts.Remove(clientEmail);
        }
    }

    /// <summary>Claims of every JWT assertion the token endpoint accepted.</summary>
    public IReadOnlyList<JsonObject> TokenClaims
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokenClaims];
            }
        }
    }

    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokens];
            }
        }
    }

    private bool Authorized(string? bearer, out FakeAnswer problem)
    {
        lock (_gate)
        {
            if (bearer is not null && _tokenAccounts.TryGetValue(bearer, out var account) && _failingAccounts.Contains(account))
            {
                problem = Unavailable;
                return false;
            }

            if (bearer is not null && _tokens.Contains(bearer))
            {
                problem = default;
                return true;
            }
        }

        problem = bearer is null
            ? ErrorBody(401, "required", "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.")
            : ErrorBody(401, "authError", "Invalid Credentials");
        return false;
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != JwtBearerGrant)
        {
            return Json(new FakeAnswer(400, new JsonObject { ["error"] = "unsupported_grant_type", ["error_description"] = "Invalid grant_type." }));
        }

        var parts = form["assertion"].ToString().Split('.');
        JsonObject? claims = null;
        try
        {
            if (parts.Length == 3
                && (_signingKey is null || _signingKey.VerifyData(
                    Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)))
            {
                claims = JsonNode.Parse(Base64Url(parts[1])) as JsonObject;
            }
        }
        catch (FormatException)
        {
            claims = null;
        }

        if (claims is null)
        {
            return Json(new FakeAnswer(400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Invalid JWT Signature." }));
        }

        var issuer = claims["iss"]?.GetValue<string>() ?? string.Empty;
        string token;
        lock (_gate)
        {
            if (_failingAccounts.Contains(issuer))
            {
                return Json(Unavailable);
            }

            _tokenClaims.Add(claims);
            token = $"ya29.fake-{_tokenClaims.Count}-{Guid.NewGuid():N}";
            _tokens.Add(token);
            _tokenAccounts[token] = issuer;
        }

        return Json(new FakeAnswer(200, new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = TokenLifetimeSeconds,
            ["token_type"] = "Bearer",
        }));
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
