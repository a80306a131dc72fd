using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// Builds the <see cref="IChatClient"/> that talks to the configured provider, through the OpenAI .NET library and its
/// Microsoft.Extensions.AI adapter. Both providers speak the OpenAI wire protocol (<c>POST …/chat/completions</c>):
/// <list type="bullet">
/// <item>OpenAI (or any compatible service): <c>{LLM_API_BASE_URL}/chat/completions</c>, <c>Authorization: Bearer {LLM_API_KEY}</c>.</item>
/// <item>Azure OpenAI: the resource's v1 API, <c>{LLM_ENDPOINT}/openai/v1/chat/completions</c>, <c>api-key: {LLM_API_KEY}</c>,
/// with the deployment name (<c>LLM_MODEL</c>) as the body's <c>model</c>. This needs no Azure-specific package.</item>
/// </list>
/// </summary>
public static class LlmChatClientFactory
{
    /// <param name="transport">The HTTP client to send with; the OpenAI library's own when null.</param>
    public static IChatClient Create(LlmPlannerOptions options, HttpClient? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = EndpointOf(options),
            NetworkTimeout = options.Timeout,
            // One retry of a transient failure; the planner's own timeout bounds the whole call anyway.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
            UserAgentApplicationId = "data-team-autopilot",
        };
        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(transport);
        }

        var credential = new ApiKeyCredential(options.ApiKey);
        // Azure OpenAI authenticates keys with the api-key header. The library marks its authentication-policy
        // constructor as evaluation-only (OPENAI001); it is the supported way to send a key in another header.
#pragma warning disable OPENAI001
        var chat = options.Provider == LlmProvider.AzureOpenAI
            ? new ChatClient(options.Model, ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(credential, "api-key"), clientOptions)
            : new ChatClient(options.Model, credential, clientOptions);
#pragma warning restore OPENAI001
        return chat.AsIChatClient();
    }

    /// <summary>The base the library appends <c>chat/completions</c> to.</summary>
    public static Uri EndpointOf(LlmPlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != LlmProvider.AzureOpenAI)
        {
            return options.BaseUrl;
        }

        var endpoint = options.Endpoint ?? throw new InvalidOperationException("LLM_ENDPOINT is required for LLM_PROVIDER=azure-openai.");

        // Accept both the resource URL and a URL that already names the v1 API.
        var path = endpoint.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase)
            ? new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : new Uri(endpoint.GetLeftPart(UriPartial.Authority) + path + "/openai/v1/");
    }
}
