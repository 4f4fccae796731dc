using NoiseDrift.Engine.Activations;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The shares <c>v_j = a_j s(w_j·x + b_j)</c> of a two-layer sigmoid network on one point (docs/theory.md §4.3), read from
/// θ = (W (m×d), b (m), a (m)) in the engine's <c>Mlp.TwoLayerSigmoid</c> order.
/// </summary>
public static class SigmoidShares
{
    /// <summary>The shares, in neuron order.</summary>
    public static double[] Of(double[] theta, double[] x, int m)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Length;
        var v = new double[m];
        for (int j = 0; j < m; j++)
        {
            double z = theta[m * d + j];
            for (int e = 0; e < d; e++) z += theta[j * d + e] * x[e];
            v[j] = theta[m * d + m + j] * Activation.Value(ActivationKind.Logistic, z);
        }
        return v;
    }

    /// <summary>The shares sorted ascending (the carrier, if one, last).</summary>
    public static double[] Sorted(double[] theta, double[] x, int m) => [.. Of(theta, x, m).Order()];

    /// <summary>How many neurons carry the label: shares above <c>y/(2m)</c> in the label's direction.</summary>
    public static int Carriers(double[] shares, double y) => shares.Count(v => v * Math.Sign(y) > Math.Abs(y) / (2 * shares.Length));
}
