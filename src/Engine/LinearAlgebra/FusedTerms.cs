using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NoiseDrift.Engine.LinearAlgebra;

/// <summary>
/// Shorthands for the inline library functions of the chain-batched simulator (<see cref="Activations.TanhLanes"/>,
/// <see cref="Random.LogLanes"/>): a fused multiply-add and a broadcast constant, so that their polynomials read like
/// the sources whose roundings they reproduce (THEORY.md §1: the batched run equals the per-chain one).
/// </summary>
internal static class FusedTerms
{
    /// <summary><c>a·b + c</c> rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Vector512.FusedMultiplyAdd(a, b, c);

    /// <summary>c in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> C(double c) => Vector512.Create(c);
}
