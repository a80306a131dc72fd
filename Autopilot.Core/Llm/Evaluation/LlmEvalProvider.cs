using System.Globalization;
using System.Text;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>One evaluation provider of <c>LLM_EVAL_PROVIDERS_JSON</c> (LLM-5): an OpenAI-compatible endpoint and model.</summary>
public sealed record LlmEvalProvider(string Name, Uri BaseUrl, string ApiKey, string Model, TimeSpan Timeout, double Temperature)
{
    // Keeps the API key out of logs and messages that print the provider.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Name = {Name}, BaseUrl = {BaseUrl}, ApiKey = ***, Model = {Model}, Timeout = {Timeout}, Temperature = {Temperature}");
        return true;
    }
}
