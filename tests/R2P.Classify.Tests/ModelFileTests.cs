using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using R2P.Classify.Training;

namespace R2P.Classify.Tests;

public class ModelFileTests
{
    private static byte[] SmallModelBytes()
    {
        using var stream = new MemoryStream();
        TestModels.Small.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Rewrite(byte[] model, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(model);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return stream.ToArray();
    }

    private static byte[] EditManifest(byte[] model, Action<JsonObject> edit) => Rewrite(model, zip =>
    {
        ZipArchiveEntry entry = zip.GetEntry("manifest.json")!;
        JsonObject manifest;
        using (var reader = new StreamReader(entry.Open()))
        {
            manifest = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        }

        edit(manifest);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
        writer.Write(manifest.ToJsonString());
    });

    private static R2PModelException LoadFails(byte[] bytes) =>
        Assert.Throws<R2PModelException>(() => R2PClassifier.Load(new MemoryStream(bytes)));

    [Fact]
    public void Save_then_load_gives_identical_scores()
    {
        using R2PClassifier original = TestModels.Small.CreateClassifier();
        using R2PClassifier loaded = R2PClassifier.Load(new MemoryStream(SmallModelBytes()));
        foreach (var paragraph in TestModels.Corpus.Take(200))
        {
            Assert.Equal(original.Classify(paragraph.Text).Scores, loaded.Classify(paragraph.Text).Scores);
        }
    }

    [Fact]
    public void Saving_twice_gives_the_same_bytes() => Assert.Equal(SmallModelBytes(), SmallModelBytes());

    [Fact]
    public void A_newer_format_version_is_refused_with_advice()
    {
        var e = LoadFails(EditManifest(SmallModelBytes(), m => m["formatVersion"] = 99));
        Assert.Contains("format version 99", e.Message);
        Assert.Contains("Update the R2P.Classify package", e.Message);
    }

    [Fact]
    public void Another_label_set_is_refused_and_named()
    {
        var e = LoadFails(EditManifest(SmallModelBytes(), m => m["codebookVersion"] = "v0"));
        Assert.Contains("codebook v0", e.Message);
        Assert.Contains("Retrain", e.Message);
    }

    [Fact]
    public void An_unknown_feature_weighting_is_refused_and_named()
    {
        var e = LoadFails(EditManifest(SmallModelBytes(), m => m["features"]!["weighting"] = "bm25"));
        Assert.Contains("feature weighting 'bm25'", e.Message);
    }

    [Fact]
    public void A_unit_length_model_is_saved_as_such_and_scores_identically_after_loading()
    {
        TrainedModel unit = ModelTrainer.Train(TestModels.SmallCorpus, new TrainingOptions { Folds = 2, CharNgramMinLength = 0, MaxFeatures = 20_000, Normalization = FeatureNormalization.UnitLength });
        using var stream = new MemoryStream();
        unit.Save(stream);
        byte[] bytes = stream.ToArray();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        using (var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
        {
            Assert.Equal("log-tf-idf-l2", JsonNode.Parse(reader.ReadToEnd())!["features"]!["weighting"]!.GetValue<string>());
        }

        using R2PClassifier original = unit.CreateClassifier();
        using R2PClassifier loaded = R2PClassifier.Load(new MemoryStream(bytes));
        using R2PClassifier squareRoot = TestModels.Small.CreateClassifier();
        string text = TestModels.Corpus[0].Text;
        Assert.Equal(original.Classify(text).Scores, loaded.Classify(text).Scores);
        Assert.NotEqual(squareRoot.Classify(text).Scores, loaded.Classify(text).Scores);
    }

    [Fact]
    public void A_missing_entry_is_named() =>
        Assert.Contains("weights.bin", LoadFails(Rewrite(SmallModelBytes(), zip => zip.GetEntry("weights.bin")!.Delete())).Message);

    [Fact]
    public void A_truncated_file_is_refused()
    {
        byte[] bytes = SmallModelBytes();
        LoadFails(bytes[..(bytes.Length / 2)]);
    }

    [Fact]
    public void Random_bytes_are_refused() =>
        Assert.Contains("not a readable zip", LoadFails(Encoding.UTF8.GetBytes("this is not a model")).Message);

    [Fact]
    public void A_weights_entry_of_the_wrong_size_is_refused_before_reading() =>
        Assert.Contains("weights.bin", LoadFails(Rewrite(SmallModelBytes(), zip =>
        {
            zip.GetEntry("weights.bin")!.Delete();
            using Stream s = zip.CreateEntry("weights.bin").Open();
            s.Write(new byte[1 << 20]);
        })).Message);

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var e = Assert.Throws<R2PModelException>(() => R2PClassifier.Load("/no/such/model.zip"));
        Assert.Contains("/no/such/model.zip", e.Message);
    }
}
