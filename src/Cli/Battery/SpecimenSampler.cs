using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// Draws θ and data for a model: θ ~ N(0, 0.7²) entrywise, inputs ~ N(0, 1) (matrix sensing: symmetric
/// <c>A = (Z + Zᵀ)/2</c>; relu1d: uniform on [−2, 2]), labels <c>y_i = h(x_i; θ)</c> so that θ ∈ M.
/// </summary>
internal static class SpecimenSampler
{
    private const double ThetaScale = 0.7;

    public static Specimen Draw(Model model, int rows, int seed, string? name = null)
    {
        var rng = new Gaussian(seed);
        double[] theta = rng.Vector(model.ParameterCount, ThetaScale);
        double[] x = Inputs(model, rows, rng);
        var y = new double[rows];
        model.Forward(theta, x, y, model.CreateWorkspace(rows));
        return new Specimen(name ?? model.Describe(), model, theta, new Dataset(x, y, model.InputDimension));
    }

    private static double[] Inputs(Model model, int rows, Gaussian rng)
    {
        int d = model.InputDimension;
        var x = new double[rows * d];
        for (int i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * d, d);
            if (model is MatrixSensing ms)
                MatrixSensing.SensingMatrix(rng.Vector(d), ms.Size).CopyTo(row);
            else if (d == 1)
                row[0] = 4 * rng.Uniform.NextDouble() - 2;
            else
                rng.Vector(d).CopyTo(row);
        }
        return x;
    }
}
