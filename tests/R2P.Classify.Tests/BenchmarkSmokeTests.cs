using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using R2P.Classify.Benchmarks;

namespace R2P.Classify.Tests;

/// <summary>Every benchmark runs once, in process, so the suite never rots. Speed is measured by the suite itself, not here.</summary>
public class BenchmarkSmokeTests
{
    public static TheoryData<Type> Benchmarks() =>
        [.. typeof(BenchmarkData).Assembly.GetTypes().Where(t => t.Name.EndsWith("Benchmarks", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public void Benchmark_runs_a_dry_iteration(Type benchmark)
    {
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
        // Only the dry job: classes that declare their own (longer) jobs keep those for real runs.
        BenchmarkRunInfo all = BenchmarkConverter.TypeToBenchmarks(benchmark, config);
        BenchmarkCase[] dry = all.BenchmarksCases.Where(c => c.Job.Infrastructure.Toolchain is InProcessNoEmitToolchain).ToArray();
        Assert.NotEmpty(dry);
        Summary summary = BenchmarkRunner.Run(new BenchmarkRunInfo(dry, all.Type, all.Config));
        Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        Assert.NotEmpty(summary.Reports);
        Assert.All(summary.Reports, r => Assert.True(r.Success, $"{r.BenchmarkCase.DisplayInfo} failed"));
    }
}
