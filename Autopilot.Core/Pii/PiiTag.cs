namespace Autopilot.Core.Pii;

/// <summary>
/// A column's PII classification: <paramref name="PiiType"/> (see <see cref="PiiTypes"/>), <paramref name="Confidence"/>
/// 0–100 (≥ 80 high, 30–79 needs review) and the <paramref name="Evidence"/> it rests on
/// (<see cref="PiiClassifier.ValuePatternEvidence"/> or <see cref="PiiClassifier.NameOnlyEvidence"/>).
/// </summary>
public sealed record PiiTag(string PiiType, int Confidence, string Evidence);
