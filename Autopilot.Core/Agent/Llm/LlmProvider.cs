namespace Autopilot.Core.Agent.Llm;

/// <summary>Which service answers the language-model planner (<c>LLM_PROVIDER</c>).</summary>
public enum LlmProvider
{
    /// <summary><c>openai</c>: OpenAI or any OpenAI-compatible <c>/chat/completions</c> service at <c>LLM_API_BASE_URL</c>.</summary>
    OpenAI,

    /// <summary><c>azure-openai</c>: an Azure OpenAI resource at <c>LLM_ENDPOINT</c>, <c>LLM_MODEL</c> naming the deployment.</summary>
    AzureOpenAI,
}
