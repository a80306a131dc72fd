using Autopilot.Core.Workflows;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>Builds the service-account credential: read-only BigQuery scope, the service's clock, an overridable token endpoint.</summary>
internal static class BigQueryCredentials
{
    public const string Scope = "https://www.googleapis.com/auth/bigquery.readonly";

    /// <summary>
    /// Reads the key with <see cref="CredentialFactory"/> and rebuilds it with the scope and clock, since a credential's
    /// clock is fixed at construction. Retries of the token call are left to the connector's own pipeline.
    /// </summary>
    public static ServiceAccountCredential Create(string serviceAccountJson, Uri? tokenEndpoint, TimeProvider time)
    {
        ServiceAccountCredential key;
        try
        {
            key = CredentialFactory.FromJson<ServiceAccountCredential>(serviceAccountJson);
        }
#pragma warning disable CA1031 // Any parse failure means the same thing; its message may quote the key, so it is dropped.
        catch (Exception)
#pragma warning restore CA1031
        {
            throw new WorkflowStepException(
                FailureClass.PermissionDenied, "The BigQuery service-account key could not be read as a service-account JSON key.");
        }

        var initializer = new ServiceAccountCredential.Initializer(key.Id, tokenEndpoint?.AbsoluteUri ?? key.TokenServerUrl)
        {
            Key = key.Key,
            KeyId = key.KeyId,
            ProjectId = key.ProjectId,
            Scopes = [Scope],
            Clock = new TimeProviderClock(time),
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        };
        return new ServiceAccountCredential(initializer);
    }
}
