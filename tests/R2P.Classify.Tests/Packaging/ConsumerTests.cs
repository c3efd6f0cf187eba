using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace R2P.Classify.Tests.Packaging;

/// <summary>
/// A consumer's first five minutes: pack both packages into a local folder, reference the library from a fresh
/// console app that runs the README's own code, and install and run the <c>r2p</c> tool from the same folder.
/// </summary>
/// <remarks>
/// Slow (pack, restore, build: about a minute), so everything happens in one test; filter it out locally with
/// <c>--filter Category!=Slow</c>. Each run packs a version of its own and restores into a packages folder of its own,
/// so a package cached by an earlier run can never stand in for the one just built.
/// </remarks>
public partial class ConsumerTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private const string VetoParagraph =
        "When the Council is paralysed by a veto while civilians are shelled, it fails the very people " +
        "it was created to protect. We support the code of conduct.";

    [Fact]
    [Trait("Category", "Slow")]
    public void The_packages_install_and_work_as_the_readme_says()
    {
        using var work = new TempDir();
        string feed = Directory.CreateDirectory(work.File("feed")).FullName;
        Version assemblyVersion = typeof(R2PClassifier).Assembly.GetName().Version!;
        string version = $"{assemblyVersion.ToString(3)}-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}";
        WriteIsolation(work);

        // 1. Pack, exactly as a release would (Release; Debug is refused by src/Directory.Build.targets).
        foreach (string project in new[] { "src/R2P.Classify/R2P.Classify.csproj", "src/R2P.Classify.Cli/R2P.Classify.Cli.csproj" })
        {
            Dotnet(RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, project), "-c", "Release", "-o", feed, $"-p:PackageVersion={version}", "--disable-build-servers");
        }

        Assert.True(File.Exists(Path.Combine(feed, $"R2P.Classify.{version}.nupkg")), "the library package was not written");
        Assert.True(File.Exists(Path.Combine(feed, $"R2P.Classify.{version}.snupkg")), "the library symbol package was not written");
        Assert.True(File.Exists(Path.Combine(feed, $"R2P.Classify.Cli.{version}.nupkg")), "the tool package was not written");

        // 2. A fresh console app that references the package and runs the README's code, verbatim.
        string app = work.File("app");
        Dotnet(work.Path, "new", "console", "-o", app, "-n", "Consumer", "--framework", "net10.0", "--no-update-check");
        Dotnet(app, "add", "package", "R2P.Classify", "--version", version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeCode());
        Dotnet(app, "build", "-c", "Release", "--disable-build-servers");
        string appOutput = Dotnet(app, "bin/Release/net10.0/Consumer.dll");
        Assert.Matches(@"(?m)^Theme\s+veto-restraint\s+[01][.,]\d\d\s*$", appOutput);

        // 3. The tool, installed from the same folder, classifies a file.
        string tools = work.File("tools");
        Dotnet(work.Path, "tool", "install", "--tool-path", tools, "--add-source", feed, "R2P.Classify.Cli", "--version", version);
        string input = work.File("statement.txt");
        File.WriteAllText(input, "Mr. President,\n\n" + VetoParagraph + "\n");
        string toolOutput = Run(work.Path, Path.Combine(tools, "r2p"), "classify", input, "--format", "jsonl");
        JsonElement[] rows = toolOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Contains("veto-restraint", rows[1].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public void The_package_readme_opens_with_the_readmes_example()
    {
        string packageReadme = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "R2P.Classify", "PACKAGE.md")).ReplaceLineEndings("\n");
        Match first = CSharpBlock().Match(packageReadme);
        Assert.True(first.Success, "src/R2P.Classify/PACKAGE.md has no ```csharp block");
        Assert.Equal(ReadmeCode(), first.Groups["code"].Value);
    }

    /// <summary>The C# block of the README's "Use it from your code" section: the test compiles exactly what users read.</summary>
    private static string ReadmeCode()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("\n## Use it from your code\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Use it from your code' section");
        Match block = CSharpBlock().Match(readme, section);
        Assert.True(block.Success, "the README's 'Use it from your code' section has no ```csharp block");
        return block.Groups["code"].Value;
    }

    /// <summary>
    /// Fences the temporary folder off from whatever lies above it (build files, NuGet settings in /tmp) and gives it a
    /// NuGet setup of its own: the local feed first, then nuget.org for the dependencies, and a packages folder of its
    /// own whose fallback is the machine's, so the dependencies already downloaded are not fetched again.
    /// </summary>
    private static void WriteIsolation(TempDir work)
    {
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(work.File(name), "<Project />\n");
        }

        string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(work.File("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{work.File("packages")}" />
              </config>
              <packageSources>
                <add key="r2p-local" value="{work.File("feed")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    private static string Dotnet(string directory, params string[] args) =>
        Run(directory, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", args);

    /// <summary>Runs a command to completion and returns its standard output; fails the test with its output otherwise.</summary>
    private static string Run(string directory, string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The packages folder comes from the nuget.config above, which NUGET_PACKAGES would override.
        start.Environment.Remove("NUGET_PACKAGES");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No build node may outlive its command: a node that kept our output pipes open would hang the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // The installed r2p launcher looks for the runtime here: the one running this test.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string command = $"{fileName} {string.Join(' ', args)} (in {directory})";
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{command}' did not finish within {StepTimeout.TotalMinutes} minutes.\n{Tail(output)}\n{Tail(error)}");
        }

        process.WaitForExit(); // drains the output handlers
        if (process.ExitCode != 0)
        {
            Assert.Fail($"'{command}' exited with {process.ExitCode}.\n{Tail(output)}\n{Tail(error)}");
        }

        return output.ToString();
    }

    private static string Tail(StringBuilder text)
    {
        lock (text)
        {
            return text.Length <= 6000 ? text.ToString() : "…" + text.ToString(text.Length - 6000, 6000);
        }
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
