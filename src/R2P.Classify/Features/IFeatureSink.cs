namespace R2P.Classify.Features;

/// <summary>Receives every feature occurrence the extractor finds, with the span of text it comes from.</summary>
internal interface IFeatureSink
{
    /// <summary>One occurrence of feature <paramref name="feature"/> covering text[<paramref name="start"/>..<paramref name="end"/>).</summary>
    void Add(ulong feature, int start, int end);
}
