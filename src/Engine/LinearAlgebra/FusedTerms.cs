using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NoiseDrift.Engine.LinearAlgebra;

/// <summary>
/// Shorthands for the inline library functions of the chain-batched simulator (<see cref="Activations.TanhLanes"/>,
/// <see cref="Random.LogLanes"/>, <see cref="Random.CosLanes"/>): a fused multiply-add, a broadcast constant and a
/// table lookup per lane, so that their polynomials read like the sources whose roundings they reproduce (docs/theory.md
/// §1: the batched run equals the per-chain one).
/// </summary>
internal static class FusedTerms
{
    /// <summary>Whether this machine has what the inline functions use: AVX-512, fused multiply-adds, AVX2 gathers.</summary>
    public static bool Supported => Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported &&
        System.Runtime.Intrinsics.X86.Avx2.IsSupported;

    /// <summary><paramref name="library"/> lane by lane: the fallback of an inline function.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> PerLane(Vector512<double> x, Func<double, double> library)
    {
        Span<double> lanes = stackalloc double[8];
        for (int lane = 0; lane < 8; lane++) lanes[lane] = library(x[lane]);
        return Vector512.Create<double>(lanes);
    }

    /// <summary>Whether <paramref name="inline"/> gives the bits of <paramref name="library"/> on every value, eight at a time.</summary>
    public static bool Reproduces(Func<Vector512<double>, Vector512<double>> inline, Func<double, double> library,
        List<double> values)
    {
        while (values.Count % 8 != 0) values.Add(1.0);
        for (int t = 0; t < values.Count; t += 8)
        {
            var got = inline(Vector512.Create<double>(values.GetRange(t, 8).ToArray()));
            for (int lane = 0; lane < 8; lane++)
            {
                if (BitConverter.DoubleToInt64Bits(got[lane]) != BitConverter.DoubleToInt64Bits(library(values[t + lane]))) return false;
            }
        }
        return true;
    }

    /// <summary>The doubles with these bit patterns, in a pinned array (<see cref="Gather"/> reads it by address).</summary>
    public static double[] PinnedTable(ulong[] bits)
    {
        var table = GC.AllocateArray<double>(bits.Length, pinned: true);
        for (int t = 0; t < bits.Length; t++) table[t] = BitConverter.UInt64BitsToDouble(bits[t]);
        return table;
    }

    /// <summary><c>table[entry_lane]</c> per lane, by two 256-bit gathers; <paramref name="table"/> is pinned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<double> Gather(double[] table, int offset, Vector512<long> entry)
    {
        double* start = (double*)Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(table)) + offset;
        return Vector512.Create(System.Runtime.Intrinsics.X86.Avx2.GatherVector256(start, entry.GetLower(), 8),
            System.Runtime.Intrinsics.X86.Avx2.GatherVector256(start, entry.GetUpper(), 8));
    }

    /// <summary><c>a·b + c</c> rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Vector512.FusedMultiplyAdd(a, b, c);

    /// <summary>c in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> C(double c) => Vector512.Create(c);
}
