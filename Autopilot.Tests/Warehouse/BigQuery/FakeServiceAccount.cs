using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Autopilot.Tests.Warehouse.BigQuery;

/// <summary>A service account made for the tests: a fresh RSA key and the JSON key file Google would hand out for it.</summary>
internal sealed class FakeServiceAccount : IDisposable
{
    public const string ClientEmail = "autopilot-reader@autopilot-test.iam.gserviceaccount.com";
    public const string PrivateKeyId = "0123456789abcdef0123456789abcdef01234567";

    public RSA Key { get; } = RSA.Create(2048);

    public string PrivateKeyPem => Key.ExportPkcs8PrivateKeyPem();

    /// <summary>A line of the private key's base64 body, to look for in anything that must not leak it.</summary>
    public string PrivateKeyFragment => PrivateKeyPem.Split('\n')[5].Trim();

    public string Json(Uri tokenUri) => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = Fake.FakeBigQueryServer.Project,
        ["private_key_id"] = PrivateKeyId,
        ["private_key"] = PrivateKeyPem,
        ["client_email"] = ClientEmail,
        ["client_id"] = "112233445566778899001",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = tokenUri.AbsoluteUri,
        ["auth_provider_x509_cert_url"] = "https://www.googleapis.com/oauth2/v1/certs",
        ["universe_domain"] = "googleapis.com",
    }.ToJsonString();

    public void Dispose() => Key.Dispose();
}
