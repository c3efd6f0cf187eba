using R2P.Classify.Features;
using R2P.Classify.Model;

namespace R2P.Classify.Inference;

/// <summary>
/// Finds which parts of a paragraph drove each label's score. Every feature's contribution to a
/// label (its TF-IDF value times the label's weight) is shared out over the feature's occurrences,
/// and contributions are summed per text span, so that a word's unigram and character n-grams add up
/// to one piece of evidence for that word. A slow path: it allocates freely, unlike scoring.
/// </summary>
internal static class Explainer
{
    public static IReadOnlyList<LabelEvidence> Explain(R2PModel model, string text, IEnumerable<int> labels, int maxSpans)
    {
        FeatureSpace space = model.Features;
        var sink = new RecordingSink(space.Vocabulary, []);
        space.Extractor.Extract(text, ref sink);

        var scratch = new VectorScratch();
        space.Vectorize(text, scratch);
        var value = new Dictionary<int, float>(scratch.Count);
        for (int i = 0; i < scratch.Count; i++)
        {
            value[scratch.Indices[i]] = scratch.Values[i];
        }

        var occurrences = sink.Occurrences.GroupBy(o => o.Feature).ToDictionary(g => g.Key, g => g.ToArray());
        int labelCount = model.Labels.Count;
        var result = new List<LabelEvidence>();
        foreach (int label in labels)
        {
            var bySpan = new Dictionary<(int Start, int End), float>();
            foreach ((int feature, (int Feature, int Start, int End)[] spans) in occurrences)
            {
                float contribution = value[feature] * model.Weights[(feature * labelCount) + label] / spans.Length;
                foreach ((_, int start, int end) in spans)
                {
                    bySpan[(start, end)] = bySpan.GetValueOrDefault((start, end)) + contribution;
                }
            }

            Evidence[] top = bySpan
                .Where(kv => kv.Value > 0)
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key.Start)
                .Take(maxSpans)
                .Select(kv => new Evidence(text[kv.Key.Start..kv.Key.End], kv.Key.Start, kv.Key.End - kv.Key.Start, kv.Value))
                .ToArray();
            result.Add(new LabelEvidence(model.Labels[label].Id, top));
        }

        return result;
    }

    private readonly struct RecordingSink(Vocabulary vocabulary, List<(int Feature, int Start, int End)> occurrences) : IFeatureSink
    {
        public List<(int Feature, int Start, int End)> Occurrences => occurrences;

        public void Add(ulong feature, int start, int end)
        {
            int index = vocabulary.IndexOf(feature);
            if (index >= 0)
            {
                occurrences.Add((index, start, end));
            }
        }
    }
}
