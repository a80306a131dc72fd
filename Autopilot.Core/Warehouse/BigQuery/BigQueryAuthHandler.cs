using System.Net;
using System.Net.Http.Headers;
using Google.Apis.Auth.OAuth2;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// Presents the service account's access token (the credential caches it and refreshes it when it expires). A 401 means
/// the token was revoked or expired early: one fresh token, one more try.
/// </summary>
internal sealed class BigQueryAuthHandler : DelegatingHandler
{
    private readonly Lazy<ServiceAccountCredential> _credential;

    public BigQueryAuthHandler(Lazy<ServiceAccountCredential> credential) => _credential = credential;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = _credential.Value;
        var token = await credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        await credential.RequestAccessTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Token.AccessToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
