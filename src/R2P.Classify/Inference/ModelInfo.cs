namespace R2P.Classify;

/// <summary>What a loaded model says about itself.</summary>
/// <param name="FormatVersion">The model file format version.</param>
/// <param name="LibraryVersion">The version of R2P.Classify that trained it.</param>
/// <param name="CodebookVersion">The codebook version of its label set.</param>
/// <param name="CorpusHash">A SHA-256 hash of the training corpus.</param>
/// <param name="Thresholds">The decision threshold of each label.</param>
public sealed record ModelInfo(int FormatVersion, string LibraryVersion, string CodebookVersion, string CorpusHash, IReadOnlyDictionary<string, float> Thresholds);
