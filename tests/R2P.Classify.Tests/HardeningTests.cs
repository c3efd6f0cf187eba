using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using R2P.Classify.Features;

namespace R2P.Classify.Tests;

/// <summary>Hostile text, hostile model files, concurrency, and files that must never be half-written.</summary>
public class HardeningTests
{
    private static readonly R2PClassifier Classifier = R2PClassifier.LoadDefault();

    public static TheoryData<string, string> HostileTexts() => new()
    {
        { "empty", "" },
        { "whitespace", " \t\r\n\u00A0\u2003 " },
        { "control characters", "\u0001\u0002\u001B[31m\u007F\u0085 veto \u0007" },
        { "NUL bytes", "the\0veto\0\0of\0the\0Council" },
        { "replacement characters from invalid UTF-8", Encoding.UTF8.GetString([0x76, 0x65, 0x74, 0x6F, 0xC3, 0x28, 0xFF, 0xFE, 0x20, 0xE2, 0x82]) },
        { "lone surrogates", "\uD800veto\uDC00 \uDBFF" },
        { "mixed right-to-left and left-to-right", "The veto \u202Eحق النقض\u202C في مجلس الأمن must not block action \u200F." },
        { "combining marks", "ve\u0301\u0302\u0303to" + new string('\u0301', 5000) },
        { "emoji", "🕊️ peace 👩‍👩‍👧 veto 🇺🇳" },
        { "one huge token", new string('x', 100_000) },
        { "an Arabic term repeated inside one huge token", string.Concat(Enumerable.Repeat("حماية", 20_000)) },
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_text_gets_a_defined_result(string name, string text)
    {
        ParagraphClassification result = Classifier.Classify(text);
        Assert.True(result.Scores.Count == 15, name);
        Assert.All(result.Scores, s => Assert.InRange(s.Score, 0f, 1f));
        Assert.Equal(result.Scores, Classifier.Classify(text).Scores);
        Assert.NotNull(Classifier.Explain(text).Evidence);
    }

    [Fact]
    public void A_ten_megabyte_paragraph_is_classified()
    {
        string paragraph = string.Concat(Enumerable.Repeat("The Council must act to protect civilians from atrocities and refrain from the veto. ", 120_000));
        Assert.True(paragraph.Length > 10_000_000);
        Assert.Equal(15, Classifier.Classify(paragraph).Scores.Count);
    }

    /// <summary>Work is counted in feature occurrences, a deterministic measure: it must grow linearly with the text.</summary>
    [Theory]
    [InlineData("word ")]
    [InlineData("x")]
    [InlineData("حماية")]
    [InlineData("保护平民")]
    [InlineData("protect its population ")]
    public void Feature_work_is_linear_in_text_length(string unit)
    {
        long Work(int repeats)
        {
            var sink = new CountingSink();
            new FeatureExtractor(Classifier.InternalModel.Features.Options).Extract(string.Concat(Enumerable.Repeat(unit, repeats)), ref sink);
            return sink.Count;
        }

        long small = Work(2_000), large = Work(20_000);
        Assert.True(large <= (small * 10) + 1000, $"{small} feature occurrences for 2,000 repeats, {large} for 20,000");
    }

    private struct CountingSink : IFeatureSink
    {
        public long Count;

        public void Add(ulong feature, int start, int end) => Count++;
    }

    /// <summary>Hostile strings for FsCheck: every case above mixed with ordinary text, shrinking to minimal cases.</summary>
    private static Arbitrary<string> HostileStrings()
    {
        string[] pieces =
        [
            "\0", "\uD800", "\uDFFF", "\u202E", "\u200F", "\u0301", "\u0640", "🕊️", "\r\n\r\n", "\t", "\u001B[0m", "\uFFFD",
            "veto", "Chapter VII", "حق النقض", "否决权", "вето", "réfugiés", "desplazados", "protect its population", " ", "-", "«", "»",
        ];
        Gen<string> pieceStrings = Gen.Elements(pieces).ListOf().Select(parts => string.Concat(parts));
        Gen<string> anyChars = Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(chars => new string(chars));
        return Gen.OneOf(pieceStrings, anyChars, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")).ToArbitrary();
    }

    /// <summary>A bounded run in CI; set R2P_FUZZ_COUNT (e.g. 100000) for a long run.</summary>
    [Fact]
    public void Fuzz_classification_never_throws_on_hostile_strings()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable("R2P_FUZZ_COUNT"), out int n) && n > 0 ? n : 500;
        Prop.ForAll(HostileStrings(), text =>
        {
            ParagraphClassification result = Classifier.Classify(text);
            return result.Scores.Count == 15 && result.Scores.All(s => s.Score is >= 0f and <= 1f) && result.Labels.All(l => result.Scores.Contains(l));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(count));
    }

    [Fact]
    public void Eight_threads_times_fifty_thousand_classifications_equal_a_sequential_run()
    {
        string[] texts = TestModels.Corpus.Select(p => p.Text).Take(1000).ToArray();
        float[][] expected = texts.Select(t => Classifier.Classify(t).Scores.Select(s => s.Score).ToArray()).ToArray();
        int mismatches = 0;
        var threads = Enumerable.Range(0, 8).Select(worker => new Thread(() =>
        {
            float[] buffer = new float[15];
            for (int i = 0; i < 50_000; i++)
            {
                int k = ((i * 7) + (worker * 131)) % texts.Length;
                Classifier.Classify(texts[k].AsSpan(), buffer);
                if (!buffer.AsSpan().SequenceEqual(expected[k]))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Loading_and_disposing_concurrently_is_safe()
    {
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using R2PClassifier classifier = i % 2 == 0 ? R2PClassifier.LoadDefault() : R2PClassifier.Load(RepoPaths.DefaultModel);
            Assert.Equal(Classifier.Classify("We support the code of conduct.").Scores, classifier.Classify("We support the code of conduct.").Scores);
        });
    }

    private static byte[] ShippedModelWith(Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(File.ReadAllBytes(RepoPaths.DefaultModel));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData("../../etc/evil")]
    [InlineData("/absolute/path")]
    [InlineData("models/extra.bin")]
    public void A_model_with_a_foreign_entry_is_refused(string entryName)
    {
        byte[] bytes = ShippedModelWith(zip =>
        {
            using Stream s = zip.CreateEntry(entryName).Open();
            s.Write("x"u8);
        });
        var e = Assert.Throws<R2PModelException>(() => R2PClassifier.Load(new MemoryStream(bytes)));
        Assert.Contains($"unexpected entry '{entryName}'", e.Message);
    }

    [Fact]
    public void An_entry_that_expands_far_beyond_its_size_is_refused_before_decompressing()
    {
        byte[] bytes = ShippedModelWith(zip =>
        {
            zip.GetEntry("vocabulary.bin")!.Delete();
            using Stream s = zip.CreateEntry("vocabulary.bin", CompressionLevel.SmallestSize).Open();
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++)
            {
                s.Write(zeros);   // 200 MB of zeros compress to a few hundred KB
            }
        });
        Assert.True(bytes.Length < 10_000_000);
        var e = Assert.Throws<R2PModelException>(() => R2PClassifier.Load(new MemoryStream(bytes)));
        Assert.Contains("vocabulary.bin", e.Message);
    }

    [Fact]
    public void A_tampered_weight_is_refused()
    {
        byte[] bytes = ShippedModelWith(zip =>
        {
            ZipArchiveEntry entry = zip.GetEntry("weights.bin")!;
            byte[] data;
            using (var read = new MemoryStream())
            {
                using (Stream s = entry.Open())
                {
                    s.CopyTo(read);
                }

                data = read.ToArray();
            }

            BitConverter.GetBytes(float.NaN).CopyTo(data, 100);
            entry.Delete();
            using Stream w = zip.CreateEntry("weights.bin").Open();
            w.Write(data);
        });
        Assert.Contains("not a finite number", Assert.Throws<R2PModelException>(() => R2PClassifier.Load(new MemoryStream(bytes))).Message);
    }

    [Fact]
    public void Killing_a_training_run_leaves_the_previous_model_byte_identical()
    {
        using var dir = new TempDir();
        string model = dir.File("model.zip");
        File.Copy(RepoPaths.DefaultModel, model);
        byte[] before = File.ReadAllBytes(model);

        string cli = Path.Combine(AppContext.BaseDirectory, "r2p.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "train", "--data", RepoPaths.Corpus, "--out", model])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using Process process = Process.Start(start)!;
        // Kill once training is under way (after its first fold has been reported), well before it can finish.
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null && !line.Contains("fold 1/", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.Equal(before, File.ReadAllBytes(model));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_atomic_write_leaves_the_old_file_and_no_temporary_file()
    {
        using var dir = new TempDir();
        string path = dir.File("out.jsonl");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_folder_given_as_a_model_file_is_one_clear_error()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<R2PModelException>(() => R2PClassifier.Load(dir.Path));
        Assert.Contains(dir.Path, e.Message);
    }

    [Fact]
    public void Random_bytes_in_a_text_file_are_decoded_with_replacement_and_classified()
    {
        using var dir = new TempDir();
        string path = dir.File("noise.txt");
        var random = new Random(42);
        byte[] noise = new byte[20_000];
        random.NextBytes(noise);
        File.WriteAllBytes(path, noise);
        var output = new StringWriter();
        Assert.Equal(0, Cli.Program.Run(["classify", path, "--format", "jsonl"], output, new StringWriter()));
        Assert.NotEmpty(output.ToString());
    }

    [Fact]
    public void A_folder_where_a_file_is_expected_is_named()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DocumentReadException>(() => DocumentReader.ReadParagraphs(dir.Path).ToList());
        Assert.Contains("is a folder", e.Message);
    }

    [Fact]
    public void The_cli_stops_at_the_first_bad_input_with_fail_fast()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Cli.Program.Run(["classify", "/no/such.txt", RepoPaths.SeedDocument("004_20056a2cff290050.txt"), "--format", "jsonl", "--fail-fast"], output, error);
        Assert.Equal(1, exit);
        Assert.Empty(output.ToString());
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>Hostile documents: each is one clear error or a defined result, never a crash.</summary>
public class HostileDocumentTests
{
    [Fact]
    public void An_html_bomb_of_nested_tags_is_refused_with_one_clear_error()
    {
        using var dir = new TempDir();
        string path = dir.File("bomb.html");
        var html = new System.Text.StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++)
        {
            html.Append("<div><span>");
        }

        html.Append("The veto must not block action against genocide.");
        File.WriteAllText(path, html.ToString());
        var error = new StringWriter();
        int exit = Cli.Program.Run(["classify", path, "--format", "jsonl"], new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.StartsWith($"r2p: error: {path}: is not a readable HTML page (elements are nested more than 512 deep", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void An_encrypted_pdf_is_one_clear_error()
    {
        // A minimal PDF whose trailer names an encryption dictionary.
        string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
            "3 0 obj << /Filter /Standard /V 1 /R 2 /O (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) /U (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) /P -4 >> endobj\n" +
            "trailer << /Root 1 0 R /Encrypt 3 0 R /ID [<01> <01>] >>\n%%EOF\n";
        using var dir = new TempDir();
        string path = dir.File("locked.pdf");
        File.WriteAllText(path, pdf);
        var e = Assert.Throws<DocumentReadException>(() => DocumentReader.ReadParagraphs(path).ToList());
        Assert.StartsWith(path + ": ", e.Message);
        var error = new StringWriter();
        Assert.Equal(1, Cli.Program.Run(["classify", path], new StringWriter(), error));
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void A_docx_that_is_not_a_zip_is_one_clear_error_and_the_next_input_is_still_read()
    {
        using var dir = new TempDir();
        string bad = dir.File("statement.docx");
        File.WriteAllBytes(bad, [0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFF, 0x00]);
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Cli.Program.Run(["classify", bad, RepoPaths.SeedDocument("004_20056a2cff290050.txt"), "--format", "jsonl"], output, error);
        Assert.Equal(1, exit);
        Assert.StartsWith($"r2p: error: {bad}: ", error.ToString());
        Assert.NotEmpty(output.ToString());
    }
}

/// <summary>A file that exists but cannot be read (tests run as root, so permissions cannot make one: /proc/self/mem fails every read at offset 0).</summary>
public class UnreadableFileTests
{
    [Fact]
    public void An_unreadable_file_is_one_clear_error_naming_it()
    {
        if (!File.Exists("/proc/self/mem"))
        {
            return; // not Linux: nothing to read that always fails
        }

        using var dir = new TempDir();
        string path = dir.File("statement.txt");
        File.CreateSymbolicLink(path, "/proc/self/mem");
        var error = new StringWriter();
        int exit = Cli.Program.Run(["classify", path], new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.StartsWith($"r2p: error: {path}: cannot be read", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }
}
