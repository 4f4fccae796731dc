namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The function-level reading of the 1-D ReLU network (docs/theory.md §4.2): per-neuron kinks, slope changes, balance ratios
/// and kink costs; <c>reg</c> after balancing, <c>1 + Σ_j 2|a_j w_j| C(κ_j)</c>; and the kinks of h itself (neurons
/// at the same kink summed, cancelled pairs dropped).
/// <para>
/// Derived: along the rescaling curve of neuron j, <c>d reg/ds = (2/n)(Σ_i relu(z_ij)² − a_j² Σ_{i active}(x_i² + 1))</c>
/// (<see cref="BalanceDefect"/>); the curve lies in M, so <c>P∇reg = 0</c> forces balance.
/// </para>
/// </summary>
public static class Relu1DShape
{
    /// <summary>Every hidden neuron of <paramref name="setting"/> as a <see cref="Relu1DNeuron"/>.</summary>
    public static Relu1DNeuron[] Neurons(Relu1DSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return Enumerable.Range(0, setting.Width).Select(j => Neuron(setting, j)).ToArray();
    }

    /// <summary>Neuron j of <paramref name="setting"/> (docs/theory.md §4.2).</summary>
    public static Relu1DNeuron Neuron(Relu1DSetting setting, int j)
    {
        ArgumentNullException.ThrowIfNull(setting);
        double w = setting.W(j), a = setting.A(j);
        double kink = w == 0 ? double.NaN : -setting.B(j) / w;
        var (active, squares, moments) = Sums(setting, j);
        double ratio = active == 0 || a == 0 ? double.NaN : squares / (a * a * moments);
        double kinkCost = KinkCost(setting, j);
        return new Relu1DNeuron(j, kink, a * Math.Abs(w), active, ratio, kinkCost, 2 * Math.Abs(a * w) * kinkCost);
    }

    /// <summary>
    /// <c>C(κ_j) = (1/n) sqrt(Σ_{i active}(x_i − κ_j)² · Σ_{i active}(x_i² + 1))</c> (docs/theory.md §4.2); with
    /// <c>relu(z_ij) = |w_j| |x_i − κ_j|</c> on the active side, <c>Σ (x_i − κ_j)² = Σ relu(z_ij)² / w_j²</c>.
    /// </summary>
    public static double KinkCost(Relu1DSetting setting, int j)
    {
        ArgumentNullException.ThrowIfNull(setting);
        double w = setting.W(j);
        var (active, squares, moments) = Sums(setting, j);
        if (active == 0 || w == 0) return 0;
        return Math.Sqrt(squares / (w * w) * moments) / setting.Count;
    }

    /// <summary><c>Σ_i relu(z_ij)² − a_j² Σ_{i active}(x_i² + 1)</c>: zero exactly when neuron j is balanced.</summary>
    public static double BalanceDefect(Relu1DSetting setting, int j)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var (_, squares, moments) = Sums(setting, j);
        return squares - setting.A(j) * setting.A(j) * moments;
    }

    /// <summary><c>reg</c> after balancing every neuron: <c>1 + Σ_j 2|a_j w_j| C(κ_j)</c> (docs/theory.md §4.2); at most reg, equal when balanced.</summary>
    public static double BalancedReg(Relu1DSetting setting) => 1 + Neurons(setting).Sum(neuron => neuron.Cost);

    /// <summary>
    /// The kinks of h (docs/theory.md §4.2, "measure the function, not the neurons"): neuron kinks within
    /// <paramref name="tolerance"/> of each other merged, their slope changes summed, and points whose summed jump is at
    /// most <paramref name="tolerance"/> times the largest single jump dropped. Sorted by position.
    /// </summary>
    public static (double Position, double SlopeChange)[] FunctionKinks(Relu1DSetting setting, double tolerance = 1e-9)
    {
        var neurons = Neurons(setting).Where(n => double.IsFinite(n.Kink) && n.SlopeChange != 0)
            .OrderBy(n => n.Kink).ToArray();
        double largest = neurons.Select(n => Math.Abs(n.SlopeChange)).DefaultIfEmpty(0).Max();
        var kinks = new List<(double Position, double SlopeChange)>();
        int start = 0;
        while (start < neurons.Length)
        {
            int end = start;
            while (end + 1 < neurons.Length && neurons[end + 1].Kink - neurons[start].Kink <= tolerance) end++;
            var group = neurons[start..(end + 1)];
            double jump = group.Sum(n => n.SlopeChange);
            if (Math.Abs(jump) > tolerance * largest) kinks.Add((group.Average(n => n.Kink), jump));
            start = end + 1;
        }
        return [.. kinks];
    }

    private static (int Active, double Squares, double Moments) Sums(Relu1DSetting setting, int j)
    {
        int active = 0;
        double squares = 0, moments = 0;
        for (int i = 0; i < setting.Count; i++)
        {
            double z = setting.PreActivation(i, j), x = setting.X(i);
            if (z <= 0) continue;
            active++;
            squares += z * z;
            moments += x * x + 1;
        }
        return (active, squares, moments);
    }
}
