// NoiseDrift conformance adapter for .NET, in-process (CONFORMANCE.md §2). Copy this file into your test project, replace
// the calls into NoiseDrift's engine (the derivative methods below) with your own code, and subclass
// NoiseDrift.Conformance.Xunit.CertificationTests to certify it from `dotnet test`:
//
//     public sealed class MyCertification : CertificationTests
//     {
//         protected override IConformanceImplementation CreateImplementation() => new ReferenceImplementation();
//     }
//
// The SGD loop (sgd_step, run) is written out here with its own generator, as yours would be. The virtual hooks are where
// the deliberately broken test fixtures change one thing each.
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Conformance.Adapters;

/// <summary>The reference in-process implementation: every op, every model kind (THEORY.md §1).</summary>
public class ReferenceImplementation : IConformanceImplementation
{
    public virtual string Name => "noisedrift C# reference";

    public IReadOnlyCollection<string> Ops { get; } = ["forward", "jacobian", "reg", "grad_reg", "hvp", "sgd_step", "run"];

    public IReadOnlyCollection<string> Models { get; } = ["mlp", "dag", "matrix_sensing", "relu1d", "sigmoid2", "quadratic", "quadratic_signed"];

    public double[] Forward(OpInput input) => Jacobian(input).H;

    public (double[] H, double[][] Jacobian) Jacobian(OpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = input.Model.Engine;
        var ws = model.CreateWorkspace(1);
        var rows = input.X.Select(_ => new double[model.ParameterCount]).ToArray();
        var h = input.X.Select((x, i) => model.Gradient(input.Theta, x, rows[i], ws)).ToArray();
        return (h, rows);
    }

    /// <summary><c>reg = (1/n) Σ_i ||g_i||²</c>.</summary>
    public virtual double Reg(OpInput input)
    {
        var (_, rows) = Jacobian(input);
        return rows.Sum(g => g.Sum(v => v * v)) / rows.Length;
    }

    /// <summary><c>∇reg = (2/n) Σ_i H_i g_i</c>.</summary>
    public (double Reg, double[] GradReg) GradReg(OpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (_, rows) = Jacobian(input);
        var gradient = new double[input.Theta.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var hg = HessianVector(input.Model.Engine, input.Theta, input.X[i], rows[i]);
            for (int k = 0; k < gradient.Length; k++) gradient[k] += 2.0 / rows.Length * hg[k];
        }
        return (Reg(input), gradient);
    }

    public virtual double[][] Hvp(OpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.X.Select(x => HessianVector(input.Model.Engine, input.Theta, x, input.V!)).ToArray();
    }

    public double[] SgdStep(OpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var theta = (double[])input.Theta.Clone();
        ApplyStep(input, theta, input.BatchIndices!, input.Noise!);
        return theta;
    }

    public double[][] Run(OpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var random = new Random(unchecked((int)input.Seed));
        int n = input.X.Length, b = input.BatchSize;
        var finals = new double[input.Chains][];
        for (int c = 0; c < input.Chains; c++)
        {
            var theta = (double[])input.Theta.Clone();
            for (int k = 0; k < input.Steps; k++)
            {
                var batch = DrawBatch(random, n, b);
                var noise = batch.Select(_ => LabelNoise(random, input.Sigma)).ToArray();
                ApplyStep(input, theta, batch, noise);
                AfterStep(random, theta, input.Eta, input.Sigma);
            }
            finals[c] = theta;
        }
        return finals;
    }

    /// <summary><c>θ ← θ − (η/B) Σ_j (h(x_{b_j}) − y_{b_j} − e_j) g_{b_j}</c> (THEORY.md §1).</summary>
    protected virtual void ApplyStep(OpInput input, double[] theta, int[] batch, double[] noise)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = input.Model.Engine;
        var ws = model.CreateWorkspace(1);
        var g = new double[theta.Length];
        var update = new double[theta.Length];
        for (int j = 0; j < batch.Length; j++)
        {
            int i = batch[j];
            double residual = model.Gradient(theta, input.X[i], g, ws) - input.Y![i] - noise[j];
            for (int k = 0; k < g.Length; k++) update[k] += residual * g[k];
        }
        for (int k = 0; k < theta.Length; k++) theta[k] -= input.Eta / batch.Length * update[k];
    }

    /// <summary>B distinct indices, uniformly (a partial Fisher–Yates shuffle).</summary>
    protected virtual int[] DrawBatch(Random random, int n, int b)
    {
        ArgumentNullException.ThrowIfNull(random);
        var all = Enumerable.Range(0, n).ToArray();
        for (int j = 0; j < b; j++)
        {
            int swap = j + random.Next(n - j);
            (all[j], all[swap]) = (all[swap], all[j]);
        }
        return all[..b];
    }

    /// <summary>One label-noise value <c>ε ~ N(0, σ²)</c>.</summary>
    protected virtual double LabelNoise(Random random, double sigma) => sigma * Gaussian(random);

    /// <summary>Anything applied after the step; nothing for label-noise SGD.</summary>
    protected virtual void AfterStep(Random random, double[] theta, double eta, double sigma)
    {
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    protected static double Gaussian(Random random) => BoxMuller.Next(random);

    private static double[] HessianVector(Model model, double[] theta, double[] x, double[] v)
    {
        var product = new double[theta.Length];
        model.HessianVector(theta, x, v, product, model.CreateWorkspace(1));
        return product;
    }
}
