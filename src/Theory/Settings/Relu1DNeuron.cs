namespace NoiseDrift.Theory.Settings;

/// <summary>
/// One hidden neuron of the 1-D ReLU network, seen as a piece of the function (docs/theory.md §4.2).
/// </summary>
/// <param name="Index">j.</param>
/// <param name="Kink">Its kink <c>κ_j = −b_j/w_j</c> (NaN when <c>w_j = 0</c>: no kink).</param>
/// <param name="SlopeChange">The jump of h' it causes at its kink, right minus left: <c>a_j |w_j|</c>; its size is <c>|a_j w_j|</c>.</param>
/// <param name="ActiveCount">How many data points it is active on (<c>w_j x_i + b_j &gt; 0</c>).</param>
/// <param name="BalanceRatio"><c>Σ_i relu(w_j x_i + b_j)² / (a_j² Σ_{i active}(x_i² + 1))</c>; 1 when balanced, NaN when undefined (no active point or a_j = 0).</param>
/// <param name="KinkCost"><c>C(κ_j) = (1/n) sqrt(Σ_{i active}(x_i − κ_j)² · Σ_{i active}(x_i² + 1))</c> (0 when inactive).</param>
/// <param name="Cost">Its balanced cost <c>2 |a_j w_j| C(κ_j)</c>, a lower bound on its share of reg, reached when balanced.</param>
public sealed record Relu1DNeuron(int Index, double Kink, double SlopeChange, int ActiveCount, double BalanceRatio,
    double KinkCost, double Cost);
