using System.Diagnostics;
using System.Reflection;
using Xunit.Sdk;

namespace R2P.Classify.Tests;

/// <summary>Headless Chromium, to open the HTML report as a reader would. CI installs Debian's <c>chromium</c>.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>Why a test that needs the browser was skipped, and how to install it.</summary>
    public const string Missing = "notice: chromium not found (CI installs it: apt-get install -y chromium fonts-dejavu-core; or set CHROMIUM=/path/to/browser)";

    /// <summary>The browser's path: <c>$CHROMIUM</c>, or the first of the usual names on the PATH; null when there is none.</summary>
    public static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        string[] folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the browser headless on <paramref name="url"/> with <paramref name="arguments"/>; returns its exit code, stdout and stderr.</summary>
    public static (int Exit, string Out, string Err) Run(string url, params string[] arguments)
    {
        string browser = Find() ?? throw new InvalidOperationException("chromium not found");
        using var profile = new TempDir();
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.Path, "--enable-logging=stderr", "--v=0",
        }.Concat(arguments).Append(url))
        {
            start.ArgumentList.Add(flag);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 90 s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A fact that needs Chromium: skipped, with a notice saying how to install it, only when no browser can be found.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Find() is null)
        {
            Skip = Chromium.Missing + "; the report was not opened in a browser.";
        }
    }
}

/// <summary>A theory's data row that needs Chromium: skipped, with the same notice, only when no browser can be found.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ChromiumInlineDataAttribute : DataAttribute
{
    private readonly object[] row;

    public ChromiumInlineDataAttribute(params object[] row)
    {
        this.row = row;
        if (Chromium.Find() is null)
        {
            Skip = Chromium.Missing + "; the case that needs a browser-made PDF did not run.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [row];
}
