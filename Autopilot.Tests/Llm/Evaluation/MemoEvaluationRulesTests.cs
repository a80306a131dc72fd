using System.Security.Cryptography;
using System.Text;
using Autopilot.Core.Llm.Evaluation;
using Autopilot.Core.Memos;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Llm.Evaluation;

/// <summary>LLM-5/11/12 without a server: provider settings, blind labels by the stated rule, the demo packet.</summary>
public sealed class MemoEvaluationRulesTests
{
    /// <summary>LLM-11's rule written out independently: sort, Fisher–Yates with SHA-256("{org}:{i}") big-endian draws, label A, B, ….</summary>
    internal static List<(string Label, string Name)> ByTheRule(string org, IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(org + ":" + i));
            var draw = ((uint)hash[0] << 24) | ((uint)hash[1] << 16) | ((uint)hash[2] << 8) | hash[3];
            var j = (int)(draw % (uint)(i + 1));
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list.Select((n, k) => ("Model " + (char)('A' + k), n)).ToList();
    }

    [Fact]
    public void Blind_labels_follow_the_rule_are_stable_per_org_and_differ_between_some_orgs()
    {
        string[] names = ["primary", "good_eval", "bad_eval", "fourth"];
        var orgs = Enumerable.Range(0, 12).Select(i => $"org_{i}").ToList();

        foreach (var org in orgs)
        {
            var assigned = BlindLabels.Assign(org, names).Select(p => (p.Key, p.Value)).ToList();
            Assert.Equal(ByTheRule(org, names), assigned);
            Assert.Equal(assigned, BlindLabels.Assign(org, names.Reverse()).Select(p => (p.Key, p.Value)).ToList());
        }

        Assert.True(orgs.Select(o => string.Join(",", BlindLabels.Assign(o, names).Select(p => p.Value))).Distinct().Count() > 1);
    }

    [Fact]
    public void The_demo_packets_deterministic_memo_passes_validation()
    {
        var validation = MemoValidator.Validate(DemoMemoPacket.Packet, DeterministicMemoWriter.Write(DemoMemoPacket.Packet));

        Assert.True(validation.Passed, string.Join("; ", validation.Errors));
        Assert.Empty(validation.Warnings);
    }

    [Fact]
    public void Malformed_provider_entries_are_skipped_with_a_reason_that_never_shows_their_key()
    {
        var json = """
            [{"name":"ok","base_url":"http://127.0.0.1:9/v1","api_key":"sk-ok-secret","model":"m1"},
             {"name":"no_model","base_url":"http://127.0.0.1:9/v1","api_key":"sk-nomodel-secret"},
             {"name":"bad_url","base_url":"not a url","api_key":"sk-badurl-secret","model":"m"},
             {"name":"slow","base_url":"http://127.0.0.1:9/v1","api_key":"sk-slow-secret","model":"m","timeout_seconds":-1},
             {"name":"off","base_url":"http://127.0.0.1:9/v1","api_key":"sk-off-secret","model":"m","enabled":false},
             42]
            """;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [LlmEvalOptions.EnabledSetting] = "true",
            [LlmEvalOptions.ProvidersSetting] = json,
        }).Build();

        var options = LlmEvalOptions.Read(configuration);

        var provider = Assert.Single(options.Providers);
        Assert.Equal(("ok", "m1", TimeSpan.FromSeconds(30), 0d), (provider.Name, provider.Model, provider.Timeout, provider.Temperature));
        Assert.Equal(4, options.Skipped.Count);
        Assert.DoesNotContain(options.Skipped, s => s.Contains("secret", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", provider.ToString(), StringComparison.Ordinal);
        Assert.Empty(LlmEvalOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LlmEvalOptions.ProvidersSetting] = json }).Build()).Providers);
    }
}
