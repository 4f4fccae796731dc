using System.Text.Json;
using System.Text.RegularExpressions;
using NoiseDrift.Cli;
using NoiseDrift.Cli.Battery;
using NoiseDrift.Cli.Commands;
using NoiseDrift.Cli.Sweep;
using NoiseDrift.Theory.Judging;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// <c>noisedrift sweep</c> and <c>merge</c> (docs/design.md "CLI contract", docs/sweeps.md): shards partition the seeds,
/// a sweep sharded 3 ways and merged gives the verdicts of the unsharded run, merge refuses cut-off and duplicated
/// shards, the union is judged under one budget, and the recipes of docs/sweeps.md are valid commands. The sweeps run
/// the derivative battery of the quick tier, which takes a fraction of a second per seed.
/// </summary>
public class SweepTests
{
    private static readonly IReadOnlyList<IBattery> Derivatives = [new NoiseDrift.Cli.Battery.DerivativeBattery()];

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 10, 3)]
    [InlineData(5, 6, 4)]
    [InlineData(18446744073709551610, 18446744073709551615, 4)]
    public void ShardsRunEverySeedExactlyOnce(ulong first, ulong last, int k)
    {
        var range = new SeedRange(first, last);
        var seeds = Enumerable.Range(0, k).SelectMany(i => range.Seeds(new Shard(i, k))).ToList();
        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.Equal((int)(last - first + 1), seeds.Count);
        Assert.Equal(first, seeds.Min());
        Assert.Equal(last, seeds.Max());
    }

    [Fact]
    public void AThreeWayShardedSweepMergesToTheUnshardedVerdicts()
    {
        var range = new SeedRange(1, 4);
        string whole = Sweep(range, Shard.All);
        var files = Enumerable.Range(0, 3).Select(i => Temporary(Sweep(range, new Shard(i, 3)))).ToList();
        string unsharded = Temporary(whole);
        try
        {
            var shardRows = files.SelectMany(f => File.ReadAllLines(f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Lines(whole).Order(StringComparer.Ordinal), shardRows);
            var merged = Merge(files);
            Assert.Equal(Merge([unsharded]), merged);
            using var summary = JsonDocument.Parse(merged);
            Assert.Equal(4, summary.RootElement.GetProperty("seeds").GetInt32());
            Assert.Equal("1..4", summary.RootElement.GetProperty("seed_ranges").GetString());
            Assert.True(summary.RootElement.GetProperty("pass").GetBoolean());
        }
        finally
        {
            foreach (string f in files.Append(unsharded)) File.Delete(f);
        }
    }

    [Fact]
    public void MergeRefusesACutOffLineAndARepeatedSeed()
    {
        string rows = Sweep(new SeedRange(1, 1), Shard.All);
        string cut = Temporary(rows + rows[..40]);
        string once = Temporary(rows);
        try
        {
            var truncated = CliRun.Of("merge", cut);
            Assert.Equal(ExitCode.BadInput, truncated.ExitCode);
            Assert.StartsWith($"noisedrift: {cut}:{Lines(rows).Length + 1}: not a sweep row", truncated.Error, StringComparison.Ordinal);
            var twice = CliRun.Of("merge", once, once);
            Assert.Equal(ExitCode.BadInput, twice.ExitCode);
            Assert.Contains("seed 1 is also in", twice.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(cut);
            File.Delete(once);
        }
    }

    [Fact]
    public void AFailedRowFailsTheSweepAndTheMerge()
    {
        var failing = new CheckResult("fake", "case", 0, 1, 0.1, 1, 0.1, false, "off");
        string file = Temporary(new SweepRow(1, failing).Line() + "\n" + new SweepRow(2, failing).Line());
        try
        {
            var run = CliRun.Of("merge", file, "--json");
            Assert.Equal(ExitCode.Fail, run.ExitCode);
            using var summary = JsonDocument.Parse(run.Out);
            Assert.Equal(2, summary.RootElement.GetProperty("failures").GetInt32());
            Assert.Equal(5, summary.RootElement.GetProperty("checks")[0].GetProperty("worst_ratio").GetDouble(), 12);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The per-check distribution (docs/sweeps.md, the README's false-alarm record): over 100 seeds with ratios 0.1, 0.2,
    /// …, 10 the median is the 50th smallest (5) and the 0.99 quantile the 99th (9.9); a check whose rows have no standard
    /// error (an error bound, not noise) has no distribution (null).
    /// </summary>
    [Fact]
    public void MergeReportsTheMedianAndTheQ99OfEachCheck()
    {
        var lines = Enumerable.Range(1, 100).SelectMany(k => new[]
        {
            new SweepRow((ulong)k, new CheckResult("noisy", "case", 0, k / 100.0, 0.1, 1, 0, k <= 10)).Line(),
            new SweepRow((ulong)k, new CheckResult("bound", "case", 0, 0, 0, 1, 1e-9, true)).Line(),
        });
        string file = Temporary(string.Join("\n", lines));
        try
        {
            using var summary = JsonDocument.Parse(CliRun.Of("merge", file, "--json").Out);
            var checks = summary.RootElement.GetProperty("checks");
            Assert.Equal("noisy", checks[0].GetProperty("check").GetString());
            Assert.Equal(5, checks[0].GetProperty("median_ratio").GetDouble(), 12);
            Assert.Equal(9.9, checks[0].GetProperty("q0.99_ratio").GetDouble(), 12);
            Assert.Equal(10, checks[0].GetProperty("worst_ratio").GetDouble(), 12);
            Assert.Equal(JsonValueKind.Null, checks[1].GetProperty("median_ratio").ValueKind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheUnionBudgetKeepsTheBiasAndRaisesZWithTheRuns()
    {
        var one = UnionBudget.Of(1, SuiteBudget.Budget);
        Assert.Equal(SuiteBudget.Budget.Z, one.Z, 12);
        var many = UnionBudget.Of(200, SuiteBudget.Budget);
        Assert.True(many.Z > one.Z + 0.5, $"z for 200 runs {many.Z}");
        double bias = 0.3, se = 0.1;
        var row = SuiteBudget.Budget.Judge("x", "c", 0, 0, se, bias);
        Assert.Equal(bias + many.Z * se, many.Tolerance(row), 12);
        var edge = row with { Measured = row.Tolerance * 1.01 };
        Assert.False(SuiteBudget.Budget.Judge("x", "c", 0, edge.Measured, se, bias).Pass);
        Assert.True(many.Passes(edge));
    }

    [Theory]
    [InlineData("sweep", "--seeds", "3..1")]
    [InlineData("sweep", "--seeds", "1-3")]
    [InlineData("sweep", "--seeds", "1..3", "--shard", "3/3")]
    [InlineData("sweep", "--seeds", "1..3", "--shard", "0/0")]
    [InlineData("sweep", "--seeds", "1..3", "--quick", "--deep")]
    [InlineData("merge")]
    public void BadSweepArgumentsExitTwo(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(ExitCode.BadInput, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Every <c>noisedrift sweep|merge</c> command of docs/sweeps.md parses, with the scheduler's index filled in.</summary>
    [Fact]
    public void TheDocumentedRecipesAreValidCommands()
    {
        string doc = File.ReadAllText(CliRun.RepositoryFile("docs/sweeps.md"));
        var commands = Regex.Matches(doc, @"noisedrift (sweep|merge) [^\n`]*").Select(m => m.Value)
            .Where(c => !c.Contains('…', StringComparison.Ordinal) && !c.Contains('[', StringComparison.Ordinal))
            .ToList();
        Assert.Contains(commands, c => c.Contains("${{ matrix.shard }}/8", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("${SLURM_ARRAY_TASK_ID}/8", StringComparison.Ordinal));
        Assert.True(commands.Count(c => c.StartsWith("noisedrift merge", StringComparison.Ordinal)) >= 2);
        foreach (string command in commands)
        {
            string filled = command.Replace("${{ matrix.shard }}", "5", StringComparison.Ordinal)
                .Replace("${SLURM_ARRAY_TASK_ID}", "7", StringComparison.Ordinal);
            filled = filled.Split(" > ")[0].Split(" || ")[0];
            string[] args = filled.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            var parsed = CliApp.Root(CliConsoles.Captured(new StringWriter(), new StringWriter())).Parse(args);
            Assert.True(parsed.Errors.Count == 0, $"'{command}': {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            if (args[0] == "sweep")
            {
                var seeds = SeedRange.Parse(args[Array.IndexOf(args, "--seeds") + 1]);
                var shard = Shard.Parse(args[Array.IndexOf(args, "--shard") + 1]);
                Assert.NotEmpty(seeds.Seeds(shard));
            }
        }
    }

    private static string Sweep(SeedRange range, Shard shard)
    {
        var output = new StringWriter();
        int code = SweepCommand.Execute(range, shard, Tier.Quick, json: true, CliConsoles.Captured(output, new StringWriter()), Derivatives);
        Assert.Equal(ExitCode.Pass, code);
        return output.ToString();
    }

    private static string Merge(IReadOnlyList<string> files)
    {
        var output = new StringWriter();
        Assert.Equal(ExitCode.Pass, MergeCommand.Execute(files, json: true, CliConsoles.Captured(output, new StringWriter())));
        return output.ToString();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Temporary(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"noisedrift-sweep-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, text);
        return path;
    }
}
