using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// A small fixed case for the simulator and manifold tests: a tanh MLP 2-[6]-1 (p = 25) on n = 5 keyed random points,
/// and an interpolant θ* ∈ M found from a keyed random start.
/// </summary>
internal sealed class SimulatorCase
{
    public Model Model { get; }
    public Dataset Data { get; }
    public double[] Start { get; }
    public double[] ThetaStar => _thetaStar.Value;

    private readonly Lazy<double[]> _thetaStar;

    private SimulatorCase(Model model, Dataset data, double[] start)
    {
        Model = model;
        Data = data;
        Start = start;
        _thetaStar = new(() => ZeroLossProjection.FindInterpolant(model, data, start));
    }

    public static SimulatorCase Tanh { get; } = Create(seed: 7);

    public static SimulatorCase Create(ulong seed, int n = 5, int width = 6)
    {
        var model = new Mlp(2, [width], [ActivationKind.Tanh]);
        var x = new double[n * 2];
        var y = new double[n];
        for (int i = 0; i < x.Length; i++) x[i] = CounterRandom.Gaussian(seed, 0, 0, i);
        for (int i = 0; i < n; i++) y[i] = CounterRandom.Gaussian(seed, 1, 0, i) * 0.5;
        var start = new double[model.ParameterCount];
        for (int j = 0; j < start.Length; j++) start[j] = 0.7 * CounterRandom.Gaussian(seed, 2, 0, j);
        return new SimulatorCase(model, new Dataset(x, y, 2), start);
    }

    public double MaxResidual(ReadOnlySpan<double> theta)
    {
        var h = new double[Data.Count];
        Model.Forward(theta, Data.X, h, Model.CreateWorkspace(Data.Count));
        double worst = 0;
        for (int i = 0; i < h.Length; i++) worst = Math.Max(worst, Math.Abs(h[i] - Data.Y[i]));
        return worst;
    }
}
