using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// Shorthands for the inline functions of the lanes (<see cref="TanhLanes"/>, <see cref="NaturalLog"/>,
/// <see cref="Cosine"/>): a fused multiply-add, a broadcast constant and a pinned table, so that their polynomials read
/// like the sources they follow.
/// </summary>
internal static class FusedTerms
{
    /// <summary>The doubles with these bit patterns, in a pinned array (gathers read it by address).</summary>
    public static double[] PinnedTable(ulong[] bits)
    {
        var table = GC.AllocateArray<double>(bits.Length, pinned: true);
        for (int t = 0; t < bits.Length; t++) table[t] = BitConverter.UInt64BitsToDouble(bits[t]);
        return table;
    }

    /// <summary><c>a·b + c</c> rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Vector512.FusedMultiplyAdd(a, b, c);

    /// <summary>c in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> C(double c) => Vector512.Create(c);
}
