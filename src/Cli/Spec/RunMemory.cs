using System.Globalization;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// The memory a spec's run needs, estimated before anything is allocated, in 64-bit checked arithmetic: the
/// per-thread model workspaces (the engine's own estimate, <see cref="Model.WorkspaceDoubles"/>), J and its
/// factorizations (<c>n × p</c>), the chain states (starts, finals and the <see cref="SgdOptions.Snapshots"/> snapshots,
/// <c>chains × p</c> each) and, for a minibatch, the stationary-covariance
/// system on symmetric <c>n × n</c> matrices (docs/theory.md §2, size <c>(n(n+1)/2)²</c>). A run that needs more than the
/// process may use (<c>GC.GetGCMemoryInfo().TotalAvailableMemoryBytes</c>) is refused, naming the spec field of the
/// largest term.
/// </summary>
public static class RunMemory
{
    private const long DoubleBytes = sizeof(double);

    /// <summary>One term of the estimate: the spec field that drives it, what it is, and its bytes.</summary>
    public sealed record Term(string Field, string What, long Bytes);

    /// <summary>The terms of the estimate for <paramref name="spec"/>; a term that overflows 64 bits is <see cref="long.MaxValue"/>.</summary>
    public static IReadOnlyList<Term> Terms(Spec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var model = spec.Model;
        long p = model.ParameterCount, n = spec.Data.Count;
        string modelField = Field(model);
        long threads = Environment.ProcessorCount + 1L;
        var terms = new List<Term>
        {
            new(modelField, "model workspaces", Bytes(() => checked(threads * model.WorkspaceDoubles(n)))),
            new(modelField, "J and its factorizations", Bytes(() => checked(4 * n * p))),
            new("sgd.chains", "chain states", Bytes(() => checked(spec.Sgd.Run.Chains * p * (SgdOptions.Snapshots + 3L)))),
        };
        if (spec.Sgd.Problem.Batch < n)
            terms.Add(new Term("data.x", "minibatch covariance system", Bytes(() => checked(2 * (n * (n + 1) / 2) * (n * (n + 1) / 2)))));
        return terms;
    }

    /// <summary>Refuses the spec when the estimate exceeds <paramref name="availableBytes"/> (default: what the GC may use).</summary>
    public static void Require(Spec spec, long? availableBytes = null)
    {
        var terms = Terms(spec);
        long limit = availableBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long total = terms.Aggregate(0L, (sum, t) => sum > long.MaxValue - t.Bytes ? long.MaxValue : sum + t.Bytes);
        if (total <= limit) return;
        var largest = terms.MaxBy(t => t.Bytes)!;
        throw new InvalidInputException(largest.Field, string.Create(CultureInfo.InvariantCulture,
            $"the run would need about {Gigabytes(total)} ({largest.What}: {Gigabytes(largest.Bytes)}), more than the " +
            $"{Gigabytes(limit)} available (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)"));
    }

    /// <summary>The spec field that sizes the model's workspaces.</summary>
    private static string Field(Model model) => model switch
    {
        Mlp => "model.hidden",
        DagNetwork => "model.neurons",
        MatrixSensing => "model.d",
        _ => "model",
    };

    private static long Bytes(Func<long> doubles)
    {
        try
        {
            return checked(doubles() * DoubleBytes);
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    private static string Gigabytes(long bytes) =>
        bytes == long.MaxValue ? "more than 9.2e9 GB" : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:G3} GB");
}
