namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// The MLP parameter order written out independently of the engine (docs/design.md "Engine conventions"): per hidden layer
/// <c>W_l</c> (h_l × h_{l−1}, row-major) then <c>b_l</c>; then output weights a (h_L); then c if present. Used for
/// the permutation symmetry, for shrinking, and for the reference forward pass.
/// </summary>
public sealed record MlpLayout(int Input, int[] Hidden, bool OutputBias)
{
    /// <summary>Width of layer l, with layer −1 the input.</summary>
    public int Width(int layer) => layer < 0 ? Input : Hidden[layer];

    /// <summary>Offset of <c>W_l</c>.</summary>
    public int Weights(int layer)
    {
        int offset = 0;
        for (int l = 0; l < layer; l++) offset += Hidden[l] * (Width(l - 1) + 1);
        return offset;
    }

    /// <summary>Offset of <c>b_l</c>.</summary>
    public int Biases(int layer) => Weights(layer) + Hidden[layer] * Width(layer - 1);

    /// <summary>Offset of the output weights a.</summary>
    public int Output => Weights(Hidden.Length);

    /// <summary>p.</summary>
    public int Count => Output + Hidden[^1] + (OutputBias ? 1 : 0);

    /// <summary>
    /// θ with the units of hidden layer l reordered, new unit i = old unit <c>perm[i]</c>: rows of <c>W_l</c>,
    /// entries of <c>b_l</c>, and the matching columns of <c>W_{l+1}</c> (or entries of a).
    /// </summary>
    public double[] PermuteUnits(double[] theta, int layer, int[] perm)
    {
        var result = (double[])theta.Clone();
        int fanIn = Width(layer - 1), width = Hidden[layer];
        for (int i = 0; i < width; i++)
        {
            Array.Copy(theta, Weights(layer) + perm[i] * fanIn, result, Weights(layer) + i * fanIn, fanIn);
            result[Biases(layer) + i] = theta[Biases(layer) + perm[i]];
        }
        int next = layer + 1 < Hidden.Length ? Weights(layer + 1) : Output;
        int rows = layer + 1 < Hidden.Length ? Hidden[layer + 1] : 1;
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < width; i++)
                result[next + r * width + i] = theta[next + r * width + perm[i]];
        return result;
    }

    /// <summary>The layout and θ with unit j of hidden layer l removed (for shrinking).</summary>
    public (MlpLayout Layout, double[] Theta) RemoveUnit(double[] theta, int layer, int unit)
    {
        var hidden = (int[])Hidden.Clone();
        hidden[layer]--;
        var smaller = this with { Hidden = hidden };
        var keep = new List<double>(theta.Length);
        for (int k = 0; k < theta.Length; k++)
            if (!Removed(k, layer, unit)) keep.Add(theta[k]);
        return (smaller, keep.ToArray());
    }

    private bool Removed(int k, int layer, int unit)
    {
        int fanIn = Width(layer - 1), width = Hidden[layer];
        if (k >= Weights(layer) + unit * fanIn && k < Weights(layer) + (unit + 1) * fanIn) return true;
        if (k == Biases(layer) + unit) return true;
        int next = layer + 1 < Hidden.Length ? Weights(layer + 1) : Output;
        int rows = layer + 1 < Hidden.Length ? Hidden[layer + 1] : 1;
        return k >= next && k < next + rows * width && (k - next) % width == unit;
    }
}
