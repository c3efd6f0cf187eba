namespace R2P.Classify.Tests;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Corpus => Path.Combine(Root, "seeds", "corpus");

    public static string SeedGold => Path.Combine(Root, "seeds", "gold.jsonl");

    public static string SeedDocument(string name) => Path.Combine(Root, "seeds", "documents", name);

    public static string DefaultModel => Path.Combine(Root, "models", "r2p-default.zip");

    /// <summary>The shared folder beside the checkout (absent on some machines: tests that need it skip with a notice).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "R2P.Classify.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("R2P.Classify.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted when disposed.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "r2p-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
