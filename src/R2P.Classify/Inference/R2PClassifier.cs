using System.Numerics;
using System.Reflection;
using R2P.Classify.Features;
using R2P.Classify.Model;
using R2P.Classify.Text;

namespace R2P.Classify;

/// <summary>
/// Classifies paragraphs of diplomatic and UN text by the pillars and themes of the Responsibility
/// to Protect. Load one with <see cref="LoadDefault"/> (the model shipped in the package) or
/// <see cref="Load(string, ClassifierOptions?)"/>; it is thread-safe, so one instance can serve a
/// whole application.
/// </summary>
/// <remarks>
/// Scoring does not go through an ML.NET prediction engine: the features and the per-label linear
/// scores are computed directly from the trained parameters, with per-thread buffers, so a call
/// allocates only its result. Model files are checked before use, but load models only from sources
/// you trust.
/// </remarks>
public sealed class R2PClassifier : IDisposable
{
    /// <summary>The logical name of the embedded default model.</summary>
    internal const string DefaultModelResource = "R2P.Classify.Models.r2p-default.zip";

    private static readonly Lazy<R2PModel> DefaultModel = new(ReadDefaultModel, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly R2PModel _model;
    private readonly ClassifierOptions _options;
    private readonly ThreadLocal<VectorScratch> _scratch = new(() => new VectorScratch());
    private volatile bool _disposed;

    private R2PClassifier(R2PModel model, ClassifierOptions? options)
    {
        options ??= ClassifierOptions.Default;
        options.Validate();
        _model = model;
        _options = options;
        ModelManifest manifest = model.Manifest;
        Model = new ModelInfo(
            manifest.FormatVersion,
            manifest.LibraryVersion,
            manifest.CodebookVersion,
            manifest.Training.CorpusHash,
            manifest.Labels.ToDictionary(l => l.Id, l => l.Threshold, StringComparer.Ordinal));
    }

    /// <summary>The labels this classifier predicts, in the order of <see cref="ParagraphClassification.Scores"/>.</summary>
    public LabelSet Labels => _model.Labels;

    /// <summary>What the loaded model says about itself: versions, corpus hash, thresholds.</summary>
    public ModelInfo Model { get; }

    internal R2PModel InternalModel => _model;

    /// <summary>Loads the default model embedded in the R2P.Classify assembly.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="R2PModelException">The assembly has no usable default model.</exception>
    public static R2PClassifier LoadDefault(ClassifierOptions? options = null) => new(DefaultModel.Value, options);

    /// <summary>Loads a model file written by <c>r2p train</c>.</summary>
    /// <param name="path">The path of the <c>.zip</c> model file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="R2PModelException">The file is missing, damaged, or incompatible; the message says which.</exception>
    public static R2PClassifier Load(string path, ClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new R2PModelException($"The model '{path}' cannot be opened: {e.Message}", e);
        }

        using (stream)
        {
            return new R2PClassifier(ModelFile.Read(stream, path), options);
        }
    }

    /// <summary>Loads a model from a stream holding a model file written by <c>r2p train</c>.</summary>
    /// <param name="stream">A readable stream; it is read to the end and left open.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="R2PModelException">The stream does not hold a usable model; the message says why.</exception>
    public static R2PClassifier Load(Stream stream, ClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new R2PClassifier(ModelFile.Read(stream, "stream"), options);
    }

    internal static R2PClassifier FromModel(R2PModel model, ClassifierOptions? options = null) => new(model, options);

    /// <summary>Classifies one paragraph.</summary>
    /// <param name="text">The paragraph. <see langword="null"/> or empty text gets no label.</param>
    /// <returns>The labels above their thresholds, every label's score, and the detected language.</returns>
    public ParagraphClassification Classify(string? text)
    {
        ReadOnlySpan<char> span = text.AsSpan();
        Span<float> scores = stackalloc float[_model.Labels.Count];
        Classify(span, scores);
        return ToResult(scores, LanguageDetector.Detect(span));
    }

    /// <summary>
    /// Scores one paragraph into a buffer the caller owns, allocating nothing: the fastest path,
    /// for callers that classify very many paragraphs.
    /// </summary>
    /// <param name="text">The paragraph.</param>
    /// <param name="scores">Receives one calibrated probability per label, in the order of <see cref="Labels"/>; at least <see cref="LabelSet.Count"/> long.</param>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is too short.</exception>
    public void Classify(ReadOnlySpan<char> text, Span<float> scores)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int labelCount = _model.Labels.Count;
        if (scores.Length < labelCount)
        {
            throw new ArgumentException($"The scores buffer holds {scores.Length} values; the model has {labelCount} labels.", nameof(scores));
        }

        VectorScratch scratch = _scratch.Value!;
        FeatureSpace space = _model.Features;
        space.Vectorize(text, scratch);

        Span<float> margins = scores[..labelCount];
        _model.Biases.CopyTo(margins);
        float[] weights = _model.Weights;
        int[] indices = scratch.Indices;
        float[] values = scratch.Values;
        // Whole vectors of labels at a time: each lane does the scalar multiply and add, so the sums are the same.
        int vectorEnd = labelCount - (labelCount % Vector<float>.Count);
        for (int i = 0; i < scratch.Count; i++)
        {
            float value = values[i];
            ReadOnlySpan<float> row = weights.AsSpan(indices[i] * labelCount, labelCount);
            int l = 0;
            if (vectorEnd > 0)
            {
                var scale = new Vector<float>(value);
                for (; l < vectorEnd; l += Vector<float>.Count)
                {
                    (new Vector<float>(margins[l..]) + (scale * new Vector<float>(row[l..]))).CopyTo(margins[l..]);
                }
            }

            for (; l < row.Length; l++)
            {
                margins[l] += value * row[l];
            }
        }

        for (int l = 0; l < labelCount; l++)
        {
            margins[l] = _model.Calibrate(l, margins[l]);
        }
    }

    /// <summary>
    /// Classifies one paragraph and explains each label given: the spans of the text (words, word
    /// pairs, lexicon terms) whose features raised that label's score most, with their weights and offsets.
    /// Slower than <see cref="Classify(string?)"/>; meant for reading results, not for bulk work.
    /// </summary>
    /// <param name="text">The paragraph.</param>
    /// <param name="maxSpans">How many spans to report per label.</param>
    public ParagraphClassification Explain(string? text, int maxSpans = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSpans);
        text ??= "";
        ParagraphClassification result = Classify(text);
        int[] given = result.Labels.Select(l => _model.Labels.IndexOf(l.Label)).ToArray();
        IReadOnlyList<LabelEvidence> evidence = Inference.Explainer.Explain(_model, text, given, maxSpans);
        return new ParagraphClassification(result.Labels, result.Scores, result.Language, evidence);
    }

    /// <summary>Classifies many paragraphs in parallel; results come back in input order.</summary>
    /// <param name="texts">The paragraphs.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IReadOnlyList<ParagraphClassification> ClassifyMany(IEnumerable<string?> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        IReadOnlyList<string?> list = texts as IReadOnlyList<string?> ?? texts.ToList();
        var results = new ParagraphClassification[list.Count];
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        };
        Parallel.For(0, list.Count, parallel, i => results[i] = Classify(list[i]));
        return results;
    }

    /// <summary>
    /// Classifies a sequence of any length as it is read: items are taken in batches, which dedicated
    /// scoring threads (<see cref="ClassifierOptions.MaxDegreeOfParallelism"/> of them) classify while the
    /// caller's thread reads the next ones and consumes the results, in input order. A fixed number of
    /// batches is held at once, so memory stays constant however long the input is.
    /// </summary>
    /// <typeparam name="T">The caller's item, for example a <see cref="SourceParagraph"/>.</typeparam>
    /// <param name="items">The items; enumerated once, lazily.</param>
    /// <param name="textOf">The paragraph text of an item.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <returns>Each item with its classification, in input order.</returns>
    /// <remarks>
    /// When reading <paramref name="items"/> throws, every item read before the failure is still
    /// classified and returned before the exception is rethrown.
    /// </remarks>
    public IEnumerable<(T Item, ParagraphClassification Classification)> ClassifyStream<T>(
        IEnumerable<T> items, Func<T, string?> textOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(textOf);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ClassifyBatches(items, textOf, cancellationToken);
    }

    private IEnumerable<(T Item, ParagraphClassification Classification)> ClassifyBatches<T>(
        IEnumerable<T> items, Func<T, string?> textOf, CancellationToken cancellationToken)
    {
        // Big enough that the per-batch hand-off is negligible, small enough that a short input still
        // keeps every scoring thread busy.
        const int BatchSize = 256;
        int threads = _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        // Every thread scoring a batch and one more batch ready for each: memory stays constant.
        int maxInFlight = (2 * threads) + 1;
        using var scoring = new Inference.OrderedScoring<T>(item => Classify(textOf(item)), threads, cancellationToken);
        using IEnumerator<T> source = items.GetEnumerator();
        var inFlight = new Queue<Inference.OrderedScoring<T>.Batch>(maxInFlight);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? readError = null;
        bool exhausted = false;
        while (true)
        {
            // The caller's thread reads ahead while the scoring threads work, then hands back the oldest batch.
            while (!exhausted && inFlight.Count < maxInFlight)
            {
                var batch = new T[BatchSize];
                int count = 0;
                try
                {
                    while (count < BatchSize && source.MoveNext())
                    {
                        batch[count++] = source.Current;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    readError = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }

                exhausted = count < BatchSize || readError is not null;
                if (count > 0)
                {
                    inFlight.Enqueue(scoring.Submit(count == BatchSize ? batch : batch[..count]));
                }
            }

            if (inFlight.Count == 0)
            {
                readError?.Throw();
                yield break;
            }

            Inference.OrderedScoring<T>.Batch done = inFlight.Dequeue();
            ParagraphClassification[] results = done.Wait();
            T[] doneItems = done.Items;
            for (int i = 0; i < results.Length; i++)
            {
                yield return (doneItems[i], results[i]);
            }
        }
    }

    /// <summary>
    /// Splits a document into paragraphs (blocks separated by blank lines) and classifies each,
    /// keeping each paragraph's offsets in <paramref name="text"/>.
    /// </summary>
    /// <param name="text">The document's text.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    public DocumentClassification ClassifyDocument(string? text, CancellationToken cancellationToken = default)
    {
        text ??= "";
        var paragraphs = ParagraphSplitter.Read(new StringReader(text)).ToList();
        IReadOnlyList<ParagraphClassification> results = ClassifyMany(paragraphs.Select(p => p.Text).ToArray(), cancellationToken);
        var classified = new ClassifiedParagraph[paragraphs.Count];
        for (int i = 0; i < paragraphs.Count; i++)
        {
            (string paragraph, int start, int length) = paragraphs[i];
            classified[i] = new ClassifiedParagraph(i + 1, start, length, paragraph, results[i]);
        }

        return new DocumentClassification(classified, _model.Labels);
    }

    /// <summary>Releases the per-thread buffers. The classifier cannot be used afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        _scratch.Dispose();
    }

    private ParagraphClassification ToResult(ReadOnlySpan<float> probabilities, string language)
    {
        // Two exact-size arrays and the result: bulk classification allocates per paragraph, and every
        // allocation saved is garbage collection not paid on the worker threads.
        LabelSet labels = _model.Labels;
        var scores = new LabelScore[labels.Count];
        int count = 0;
        for (int l = 0; l < labels.Count; l++)
        {
            scores[l] = new LabelScore(labels[l].Id, probabilities[l], labels[l].Kind);
            count += probabilities[l] >= _model.Thresholds[l] ? 1 : 0;
        }

        LabelScore[] given = count == 0 ? [] : new LabelScore[count];
        for (int l = 0, g = 0; g < count; l++)
        {
            if (probabilities[l] >= _model.Thresholds[l])
            {
                given[g++] = scores[l];
            }
        }

        Array.Sort(given, static (a, b) => b.Score.CompareTo(a.Score));
        return new ParagraphClassification(given, scores, language);
    }

    private static R2PModel ReadDefaultModel()
    {
        using Stream stream = typeof(R2PClassifier).Assembly.GetManifestResourceStream(DefaultModelResource)
            ?? throw new R2PModelException(
                $"This build of R2P.Classify has no embedded default model (resource '{DefaultModelResource}'). " +
                "Build from a checkout that has models/r2p-default.zip, or load a model file with R2PClassifier.Load(path).");
        return ModelFile.Read(stream, "default model");
    }

    internal static string LibraryVersion =>
        typeof(R2PClassifier).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
