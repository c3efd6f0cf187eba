using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using R2P.Classify.Features;

namespace R2P.Classify.Model;

/// <summary>
/// Reads and writes the model file: one zip with <c>manifest.json</c>, <c>vocabulary.bin</c>
/// (feature hashes and IDF weights) and <c>weights.bin</c> (the label weight matrix). Writing is
/// deterministic (fixed entry order and timestamps). Reading treats the file as untrusted: sizes are
/// checked before anything is decompressed, and every inconsistency is an <see cref="R2PModelException"/>.
/// </summary>
internal static class ModelFile
{
    private const string ManifestEntry = "manifest.json";
    private const string VocabularyEntry = "vocabulary.bin";
    private const string WeightsEntry = "weights.bin";
    private const string LexiconEntry = "lexicon.txt";
    private const uint VocabularyMagic = 0x42565052; // "RPVB"
    private const uint WeightsMagic = 0x57575052;    // "RPWW"
    private const long MaxManifestBytes = 4L << 20;
    private const long MaxArrayBytes = 512L << 20;
    private const int MaxDimension = 16_000_000;

    private static readonly DateTimeOffset FixedTimestamp = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(R2PModel model, Stream destination)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, ManifestEntry, stream => JsonSerializer.Serialize(stream, model.Manifest, ManifestJsonContext.Default.ModelManifest));
        if (model.Features.Options.Lexicon is { } lexicon)
        {
            WriteEntry(zip, LexiconEntry, stream => stream.Write(Encoding.UTF8.GetBytes(lexicon.Source)));
        }

        WriteEntry(zip, VocabularyEntry, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(VocabularyMagic);
            writer.Write(model.Features.Dimension);
            foreach (ulong hash in model.Features.Vocabulary.Hashes)
            {
                writer.Write(hash);
            }

            foreach (float idf in model.Features.Idf)
            {
                writer.Write(idf);
            }
        });
        // The weights are stored, not deflated: floats barely compress (8%), and inflating them was a tenth of a cold start.
        WriteEntry(zip, WeightsEntry, CompressionLevel.NoCompression, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(WeightsMagic);
            writer.Write(model.Features.Dimension);
            writer.Write(model.Labels.Count);
            foreach (float weight in model.Weights)
            {
                writer.Write(weight);
            }
        });
    }

    public static R2PModel Read(Stream source, string origin)
    {
        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            CheckEntries(zip, origin);
            ModelManifest manifest = ReadManifest(zip, origin);
            LabelSet labels = CheckLabels(manifest, origin);
            int dimension = manifest.Features.Dimension;
            if (dimension is < 0 or > MaxDimension)
            {
                throw Damaged(origin, $"its manifest declares {dimension} features");
            }

            var options = new FeatureOptions
            {
                WordNgramLength = manifest.Features.WordNgramLength,
                CharNgramMinLength = manifest.Features.CharNgramMinLength,
                CharNgramMaxLength = manifest.Features.CharNgramMaxLength,
                Lexicon = ReadLexicon(zip, manifest, labels, origin),
                SubwordTokens = manifest.Features.SubwordTokens switch
                {
                    "" => false,
                    SubwordTokens.Encoding => true,
                    string other => throw Damaged(origin, $"its manifest names subword encoding '{other}', which this version does not know"),
                },
                Normalization = manifest.Features.Weighting switch
                {
                    FeatureOptions.UnitWeighting => Training.FeatureNormalization.UnitLength,
                    FeatureOptions.SquareRootWeighting => Training.FeatureNormalization.SquareRootLength,
                    string other => throw Damaged(origin, $"its manifest names feature weighting '{other}', which this version does not know"),
                },
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw Damaged(origin, $"its feature settings are invalid ({e.Message})");
            }

            // Arrays are read whole and reinterpreted in place (MemoryMarshal), not value by value: loading is start-up time.
            byte[] vocabularyBytes = ReadArray(zip, VocabularyEntry, VocabularyMagic, 8L + (dimension * 12L), origin);
            CheckInt(BinaryPrimitives.ReadInt32LittleEndian(vocabularyBytes.AsSpan(4)), dimension, VocabularyEntry, origin);
            ulong[] hashes = LittleEndian<ulong>(vocabularyBytes.AsSpan(8, dimension * 8));
            float[] idf = CheckFinite(LittleEndian<float>(vocabularyBytes.AsSpan(8 + (dimension * 8), dimension * 4)), VocabularyEntry, origin);

            byte[] weightBytes = ReadArray(zip, WeightsEntry, WeightsMagic, 12L + (dimension * (long)labels.Count * 4), origin);
            CheckInt(BinaryPrimitives.ReadInt32LittleEndian(weightBytes.AsSpan(4)), dimension, WeightsEntry, origin);
            CheckInt(BinaryPrimitives.ReadInt32LittleEndian(weightBytes.AsSpan(8)), labels.Count, WeightsEntry, origin);
            float[] weights = CheckFinite(LittleEndian<float>(weightBytes.AsSpan(12)), WeightsEntry, origin);

            Vocabulary vocabulary;
            try
            {
                vocabulary = new Vocabulary(hashes);
            }
            catch (ArgumentException e)
            {
                throw Damaged(origin, e.Message);
            }

            return new R2PModel(manifest, labels, new FeatureSpace(options, vocabulary, idf), weights);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(origin, $"it is not a readable zip archive ({e.Message})", e);
        }
        catch (EndOfStreamException e)
        {
            throw Damaged(origin, "an entry ends early", e);
        }
        catch (JsonException e)
        {
            throw Damaged(origin, $"its manifest is not valid JSON ({e.Message})", e);
        }
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write) => WriteEntry(zip, name, CompressionLevel.Optimal, write);

    private static void WriteEntry(ZipArchive zip, string name, CompressionLevel level, Action<Stream> write)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = FixedTimestamp;
        using Stream stream = entry.Open();
        write(stream);
    }

    /// <summary>A model file holds only the known entries: anything else (a path such as ../x) means it was not written by R2P.Classify.</summary>
    private static void CheckEntries(ZipArchive zip, string origin)
    {
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            if (entry.FullName is not (ManifestEntry or VocabularyEntry or WeightsEntry or LexiconEntry))
            {
                throw Damaged(origin, $"it holds an unexpected entry '{entry.FullName}'");
            }
        }
    }

    private static ModelManifest ReadManifest(ZipArchive zip, string origin)
    {
        ZipArchiveEntry entry = zip.GetEntry(ManifestEntry)
            ?? throw Damaged(origin, $"it has no {ManifestEntry}; it is not an R2P.Classify model");
        if (entry.Length > MaxManifestBytes)
        {
            throw Damaged(origin, $"its {ManifestEntry} would expand to {entry.Length:N0} bytes (limit {MaxManifestBytes:N0})");
        }

        using Stream stream = new BoundedStream(entry.Open(), MaxManifestBytes);
        ModelManifest manifest = JsonSerializer.Deserialize(stream, ManifestJsonContext.Default.ModelManifest)
            ?? throw Damaged(origin, $"its {ManifestEntry} is empty");
        if (manifest.Format != ModelManifest.FormatName)
        {
            throw Damaged(origin, $"its manifest names format '{manifest.Format}', not '{ModelManifest.FormatName}'");
        }

        if (manifest.FormatVersion > ModelManifest.CurrentFormatVersion || manifest.FormatVersion < 1)
        {
            throw new R2PModelException(
                $"The model '{origin}' has format version {manifest.FormatVersion}, but this version of R2P.Classify reads version {ModelManifest.CurrentFormatVersion}. " +
                "Update the R2P.Classify package, or retrain the model with this version ('r2p train').");
        }

        return manifest;
    }

    private static Lexicon? ReadLexicon(ZipArchive zip, ModelManifest manifest, LabelSet labels, string origin)
    {
        if (string.IsNullOrEmpty(manifest.Features.Lexicon))
        {
            return null;
        }

        ZipArchiveEntry entry = zip.GetEntry(LexiconEntry) ?? throw Damaged(origin, $"its manifest names a lexicon but it has no {LexiconEntry}");
        if (entry.Length > MaxManifestBytes)
        {
            throw Damaged(origin, $"its {LexiconEntry} would expand to {entry.Length:N0} bytes (limit {MaxManifestBytes:N0})");
        }

        using var reader = new StreamReader(new BoundedStream(entry.Open(), MaxManifestBytes), Encoding.UTF8);
        Lexicon lexicon;
        try
        {
            lexicon = Lexicon.Parse(reader.ReadToEnd(), labels, LexiconEntry);
        }
        catch (FormatException e)
        {
            throw Damaged(origin, e.Message.TrimEnd('.'));
        }

        if (lexicon.Hash != manifest.Features.Lexicon)
        {
            throw Damaged(origin, $"its {LexiconEntry} does not match the hash in its manifest");
        }

        return lexicon;
    }

    private static LabelSet CheckLabels(ModelManifest manifest, string origin)
    {
        LabelSet expected = LabelSet.V1;
        bool same = manifest.CodebookVersion == expected.CodebookVersion
            && manifest.Labels.Count == expected.Count
            && manifest.Labels.Select(l => l.Id).SequenceEqual(expected.Select(l => l.Id), StringComparer.Ordinal);
        if (!same)
        {
            throw new R2PModelException(
                $"The model '{origin}' was trained for codebook {manifest.CodebookVersion} with labels [{string.Join(", ", manifest.Labels.Select(l => l.Id))}], " +
                $"but this version of R2P.Classify uses codebook {expected.CodebookVersion} with labels [{string.Join(", ", expected.Select(l => l.Id))}]. " +
                "Retrain the model on data labeled with this codebook ('r2p train').");
        }

        foreach (ManifestLabel label in manifest.Labels)
        {
            if (!float.IsFinite(label.Threshold) || label.Threshold is < 0 or > 1 || !float.IsFinite(label.Bias)
                || !double.IsFinite(label.CalibrationSlope) || !double.IsFinite(label.CalibrationOffset))
            {
                throw Damaged(origin, $"label '{label.Id}' has an invalid threshold, bias or calibration");
            }
        }

        return expected;
    }

    /// <summary>The bytes of an array entry, whose size is checked against the manifest before anything is decompressed.</summary>
    private static byte[] ReadArray(ZipArchive zip, string name, uint magic, long expectedBytes, string origin)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw Damaged(origin, $"it has no {name}");
        if (expectedBytes > MaxArrayBytes || entry.Length != expectedBytes)
        {
            throw Damaged(origin, $"its {name} holds {entry.Length:N0} bytes where the manifest implies {expectedBytes:N0}");
        }

        byte[] bytes = new byte[expectedBytes];
        using (var stream = new BoundedStream(entry.Open(), expectedBytes))
        {
            stream.ReadExactly(bytes);
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != magic)
        {
            throw Damaged(origin, $"its {name} does not start with the expected header");
        }

        return bytes;
    }

    /// <summary>Little-endian values (as BinaryWriter wrote them) into an array of <typeparamref name="T"/>.</summary>
    private static T[] LittleEndian<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged
    {
        T[] values = MemoryMarshal.Cast<byte, T>(bytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            Span<byte> raw = MemoryMarshal.AsBytes(values.AsSpan());
            int size = Unsafe.SizeOf<T>();
            for (int i = 0; i < raw.Length; i += size)
            {
                raw.Slice(i, size).Reverse();
            }
        }

        return values;
    }

    private static void CheckInt(int actual, int expected, string name, string origin)
    {
        if (actual != expected)
        {
            throw Damaged(origin, $"its {name} declares {actual} where the manifest declares {expected}");
        }
    }

    private static float[] CheckFinite(float[] values, string name, string origin)
    {
        foreach (float value in values)
        {
            if (!float.IsFinite(value))
            {
                throw Damaged(origin, $"its {name} holds a value that is not a finite number");
            }
        }

        return values;
    }

    private static R2PModelException Damaged(string origin, string reason, Exception? inner = null)
    {
        string message = $"The model '{origin}' cannot be loaded: {reason}. Use a model file written by 'r2p train', or the default model (R2PClassifier.LoadDefault()).";
        return inner is null ? new R2PModelException(message) : new R2PModelException(message, inner);
    }

    /// <summary>A read-only stream that fails once more than a set number of bytes has been read from it.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            _read += n;
            if (_read > limit)
            {
                throw new InvalidDataException($"an entry expands beyond its declared size of {limit:N0} bytes");
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
