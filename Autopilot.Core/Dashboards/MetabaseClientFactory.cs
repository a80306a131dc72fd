using Autopilot.Core.Dashboards.Metabase;

namespace Autopilot.Core.Dashboards;

/// <summary>The Metabase client for the service's configured Metabase, or null when dashboards are the app's own pages.</summary>
public sealed class MetabaseClientFactory
{
    private readonly IHttpClientFactory _http;
    private readonly ServiceOptions _options;

    public MetabaseClientFactory(IHttpClientFactory http, ServiceOptions options)
    {
        _http = http;
        _options = options;
    }

    public MetabaseClient? Create() => _options.MetabaseUrl.Length == 0
        ? null
        : new MetabaseClient(_http.CreateClient(MetabaseClient.HttpClientName), new MetabaseOptions(new Uri(_options.MetabaseUrl), _options.MetabaseApiKey));
}
