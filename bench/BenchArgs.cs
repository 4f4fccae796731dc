using System.Globalization;

namespace NoiseDrift.Bench;

/// <summary>
/// Command line of the harness: <c>[--workload small|large|drift5|relu1d|matrix-sensing]… [--json] [--threads N] [--seconds S] [--verdict]</c>, or
/// <c>--bdn [BenchmarkDotNet arguments]</c>.
/// </summary>
/// <param name="Workloads">Workloads to run; both when none is named.</param>
/// <param name="Json">One JSON line per measurement instead of a table.</param>
/// <param name="Threads">
/// The op workloads also measure with this many threads when above 1; drift5 runs on this many threads, or on all
/// cores when <c>--threads</c> is not given (0).
/// </param>
/// <param name="Seconds">The timed loop of each measurement lasts at least this long.</param>
/// <param name="BenchmarkDotNet">The arguments after <c>--bdn</c>, or null.</param>
public sealed record BenchArgs(IReadOnlyList<string> Workloads, bool Json, int Threads, double Seconds,
    string[]? BenchmarkDotNet)
{
    /// <summary>Run the time-to-verdict measurement (<see cref="TimeToVerdict"/>) instead of the op rates.</summary>
    public bool Verdict { get; init; }

    public static BenchArgs Parse(string[] args)
    {
        var workloads = new List<string>();
        bool json = false;
        int threads = 0;
        double seconds = 1;
        bool verdict = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--bdn":
                    return new BenchArgs(workloads, json, threads, seconds, args[(i + 1)..]);
                case "--json":
                    json = true;
                    break;
                case "--verdict":
                    verdict = true;
                    break;
                case "--workload":
                    string w = Value(args, ref i);
                    if (w is not ("small" or "large" or "drift5" or "relu1d" or "matrix-sensing"))
                        throw new ArgumentException($"--workload: expected small, large, drift5, relu1d or matrix-sensing, got '{w}'");
                    workloads.Add(w);
                    break;
                case "--threads":
                    if (!int.TryParse(Value(args, ref i), CultureInfo.InvariantCulture, out threads) || threads < 1)
                        throw new ArgumentException("--threads: expected a positive integer");
                    break;
                case "--seconds":
                    if (!double.TryParse(Value(args, ref i), CultureInfo.InvariantCulture, out seconds) || !(seconds > 0))
                        throw new ArgumentException("--seconds: expected a positive number");
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        if (verdict && (workloads.Contains("drift5") || workloads.Contains("relu1d") || workloads.Contains("matrix-sensing")))
            throw new ArgumentException("--verdict: times the drift verdict on small or large; drift5, relu1d and matrix-sensing are rates");
        return new BenchArgs(workloads.Count == 0 ? ["small", "large"] : workloads, json, threads, seconds, null) { Verdict = verdict };
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]}: missing value");
}
