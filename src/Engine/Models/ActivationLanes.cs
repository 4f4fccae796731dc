using System.Numerics;
using System.Runtime.CompilerServices;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Lanes;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// φ and φ' of the softplus and GELU activations (docs/theory.md §1) on lanes, each lane with the bits of
/// <see cref="Activation.Evaluate(ActivationKind, double, out double, out double, out double)"/> on its entry: the
/// exponential, logarithm and tanh are the engine's own on whole vectors (<see cref="Exponential{TW, TV, TU}"/>,
/// <see cref="NaturalLog{TW, TV, TU}"/>, <see cref="HyperbolicTangent{TW, TV, TU}"/>, each the scalar function bit for bit),
/// and the arithmetic around them is the scalar expression term by term (one rounding per operation, as the scalar code;
/// the branches on the sign of z become selects on the same comparison, so NaN and −0 take the scalar branch).
/// Allocation-free.
/// </summary>
internal static class ActivationLanes<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    /// <summary>
    /// Softplus: <c>e = exp(−|z|)</c>, <c>φ = (z &gt; 0 ? z : 0) + log(1 + e)</c>, <c>φ' = z ≥ 0 ? 1/(1 + e) : e/(1 + e)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softplus(ReadOnlySpan<TV> z, Span<TV> value, Span<TV> d1)
    {
        TV zero = TW.C(0.0), one = TW.C(1.0);
        for (int t = 0; t < z.Length; t++)
        {
            TV x = z[t], e = Exponential<TW, TV, TU>.Exp(-TW.Abs(x)), onePlus = one + e;
            TV log = NaturalLog<TW, TV, TU>.Log(onePlus);
            d1[t] = TW.Select(TW.AtMost(zero, x), one / onePlus, e / onePlus);
            value[t] = TW.Select(TW.Less(zero, x), x + log, log);
        }
    }

    /// <summary>
    /// GELU (tanh form): <c>u = c(z + a z³)</c>, <c>t = tanh u</c>, <c>φ = ½z(1 + t)</c>,
    /// <c>φ' = ½(1 + t) + ½z(1 − t²)·c(1 + 3a z²)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gelu(ReadOnlySpan<TV> z, Span<TV> value, Span<TV> d1)
    {
        TV c = TW.C(Activation.GeluC), a = TW.C(Activation.GeluA), threeA = TW.C(3 * Activation.GeluA);
        TV one = TW.C(1.0), half = TW.C(0.5);
        for (int t = 0; t < z.Length; t++)
        {
            TV x = z[t];
            value[t] = c * (x + a * x * x * x);
        }
        HyperbolicTangent<TW, TV, TU>.Evaluate(value, value);
        for (int t = 0; t < z.Length; t++)
        {
            TV x = z[t], tanh = value[t];
            TV du = c * (one + threeA * x * x);
            TV sech2 = one - tanh * tanh;
            value[t] = half * x * (one + tanh);
            d1[t] = half * (one + tanh) + half * x * sech2 * du;
        }
    }
}
