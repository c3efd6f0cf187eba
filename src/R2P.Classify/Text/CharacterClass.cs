namespace R2P.Classify.Text;

/// <summary>How the feature extractor and the language detector treat one UTF-16 code unit.</summary>
internal enum CharacterClass : byte
{
    /// <summary>Ignored entirely: combining marks, tatweel, zero-width and format characters.</summary>
    Drop = 0,

    /// <summary>Ends a word: spaces, punctuation, symbols, surrogates.</summary>
    Separator = 1,

    /// <summary>Part of a word in a space-separated script (Latin, Arabic, Cyrillic, …).</summary>
    Word = 2,

    /// <summary>A Han or kana ideograph: a token on its own, since those scripts do not separate words.</summary>
    Ideograph = 3,
}
