using System.Numerics.Tensors;
using System.Runtime.ExceptionServices;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// Runs C label-noise SGD chains (docs/theory.md §1) for K steps from given starts, in parallel, one workspace per worker.
/// Each chain's randomness is keyed by its group (chain, or antithetic pair) and step, so the result is identical for
/// any thread count or schedule. Records final states, snapshots and the Rao–Blackwell clean-gradient means of §3.
/// </summary>
public static class ChainEnsemble
{
    /// <summary>
    /// Starts for antithetic pairs (docs/theory.md §3): chain 2j starts at <c>θ* + u_j</c>, chain 2j+1 at <c>θ* − u_j</c>.
    /// </summary>
    public static double[][] AntitheticStarts(ReadOnlySpan<double> center, IReadOnlyList<double[]> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var starts = new double[2 * offsets.Count][];
        for (int j = 0; j < offsets.Count; j++)
        {
            Guard.Length(offsets[j].Length, center.Length, $"offsets[{j}]");
            var plus = center.ToArray();
            var minus = center.ToArray();
            TensorPrimitives.Add(plus, offsets[j], plus);
            TensorPrimitives.Subtract(minus, offsets[j], minus);
            (starts[2 * j], starts[2 * j + 1]) = (plus, minus);
        }
        return starts;
    }

    /// <summary>
    /// Runs one chain per start. Throws <see cref="InvalidInputException"/> on bad input, or when a chain diverges
    /// with η at or beyond the stability limit <c>2/λ_max</c> (field <c>sgd.eta</c>); throws
    /// <see cref="SgdDivergedException"/> when a chain diverges below that limit.
    /// </summary>
    public static ChainEnsembleResult Run(Model model, Dataset data, SgdSettings settings, IReadOnlyList<double[]> starts,
        ChainEnsembleOptions options)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(options);
        var sgd = new LabelNoiseSgd(model, data, settings);
        var snapshotSteps = Validate(model, starts, options);
        int chains = starts.Count, p = model.ParameterCount, steps = options.Steps;
        int perGroup = options.Antithetic ? 2 : 1;

        var final = new double[chains][];
        for (int c = 0; c < chains; c++) final[c] = (double[])starts[c].Clone();
        var meanGradient = options.CleanGradient ? NewRows(chains, p) : null;
        var meanLoss = options.CleanGradient ? new double[chains] : null;
        var snapshots = new double[snapshotSteps.Length][][];
        for (int s = 0; s < snapshots.Length; s++) snapshots[s] = NewRows(chains, p);

        var meter = new ProgressMeter(options.Progress, (long)chains * steps);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            CancellationToken = options.Cancellation,
        };
        var run = new ChainRun(sgd, starts, steps, snapshotSteps, meter, options.Cancellation);
        var blocks = options.Kernel == ChainKernel.PerChain ? null : ChainBlocks.TryCreate(sgd, run, starts, steps,
            snapshotSteps, meter, options.Antithetic, options.CleanGradient, options.Kernel == ChainKernel.Batched,
            options.LaneWidth, options.Cancellation);
        if (options.Kernel == ChainKernel.Batched && blocks is null)
            throw new InvalidInputException("kernel",
                $"batched needs an MLP or a DAG network and SIMD; {model.Describe()} on this machine runs chain by chain");
        try
        {
            if (blocks is not null)
            {
                blocks.Run(parallel, final, meanGradient, meanLoss, snapshots);
            }
            else
            {
                Parallel.For(0, chains / perGroup, parallel, () => sgd.CreateWorkspace(steps), (group, _, ws) =>
                {
                    for (int member = 0; member < perGroup; member++)
                    {
                        int c = group * perGroup + member;
                        double sign = member == 0 ? 1.0 : -1.0;
                        double loss = run.Chain(c, group, sign, final[c], meanGradient?[c], snapshots, ws);
                        if (meanLoss is not null) meanLoss[c] = loss;
                    }
                    return ws;
                }, _ => { });
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(Earliest(e)).Throw();
        }
        return new ChainEnsembleResult(steps, options.Antithetic, final, meanGradient, meanLoss, snapshotSteps, snapshots);
    }

    private static int[] Validate(Model model, IReadOnlyList<double[]> starts, ChainEnsembleOptions options)
    {
        if (options.Steps < 1) throw new InvalidInputException("steps", $"must be at least 1, got {options.Steps}");
        if (starts.Count == 0) throw new InvalidInputException("starts", "is empty; at least one chain is needed");
        if (options.Antithetic && starts.Count % 2 != 0)
            throw new InvalidInputException("starts", $"has {starts.Count} chains; antithetic pairs need an even number");
        if (options.MaxDegreeOfParallelism is 0 or < -1)
            throw new InvalidInputException("maxDegreeOfParallelism",
                $"must be −1 (all cores) or positive, got {options.MaxDegreeOfParallelism}");
        for (int c = 0; c < starts.Count; c++)
        {
            ArgumentNullException.ThrowIfNull(starts[c]);
            model.ValidateTheta(starts[c], $"starts[{c}]");
        }
        var snapshotSteps = (options.SnapshotSteps ?? []).ToArray();
        for (int s = 0; s < snapshotSteps.Length; s++)
        {
            if (snapshotSteps[s] < 0 || snapshotSteps[s] > options.Steps || (s > 0 && snapshotSteps[s] <= snapshotSteps[s - 1]))
                throw new InvalidInputException($"snapshotSteps[{s}]",
                    $"= {snapshotSteps[s]}; steps must be strictly increasing and in [0, {options.Steps}]");
        }
        return snapshotSteps;
    }

    private static double[][] NewRows(int rows, int length)
    {
        var a = new double[rows][];
        for (int i = 0; i < rows; i++) a[i] = new double[length];
        return a;
    }

    /// <summary>The divergence (or other failure) of the lowest-numbered chain, so the message is reproducible.</summary>
    private static Exception Earliest(AggregateException e)
    {
        var all = e.Flatten().InnerExceptions;
        return all.OrderBy(x => x is SgdDivergedException d ? d.Chain : x is ChainFailure f ? f.Chain : int.MaxValue)
            .Select(x => x is ChainFailure f ? f.InnerException! : x)
            .First();
    }
}
