using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// The "wrong batch size" perturbation of docs/theory.md §5: the exact predictions (S and drift) of the same case with
/// another B. The preferred alternative is far from the true B (1 for B &gt; 1, n for B = 1: S scales roughly as 1/B,
/// §2); if the minibatch second moment diverges there, the next other B is taken.
/// </summary>
internal static class WrongBatch
{
    public static DriftPrediction Prediction(TheoryCase @case)
    {
        int n = @case.Count, batch = @case.Sgd.Batch;
        var candidates = new[] { batch == 1 ? n : 1 }.Concat(Enumerable.Range(1, n)).Where(b => b != batch).Distinct();
        foreach (int b in candidates)
        {
            try
            {
                return TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd with { Batch = b });
            }
            catch (InvalidInputException)
            {
                // The second moment diverges for this B at this η; try the next one.
            }
        }
        throw new InvalidOperationException($"no other batch size has a finite stationary covariance for {@case.Name}");
    }
}
