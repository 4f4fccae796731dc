using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static NoiseDrift.Engine.Lanes.FusedTerms;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// <c>tanh</c> and <c>1 − tanh²</c> over <see cref="Vector512{T}"/> entries with exactly the bits of
/// <see cref="TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/>, for the chain-batched simulator (docs/theory.md §1: the
/// batched run equals the per-chain one). The library computes <c>tanh |x| = −z/(z + 2)</c> with
/// <c>z = e^{−2|x|} − 1</c> and the sign of x put back; its exponential is a call per vector, which keeps one
/// vector's dependency chain from overlapping the next. Here the same arithmetic (the exponential's reduction
/// <c>x·(64/ln 2)</c>, two-part <c>ln 2/64</c>, degree-12 polynomial with fused multiply-adds, scaling by <c>2^m</c>) is
/// written inline, two vectors at a time; a vector with an argument outside the fast range (|x| > 354.5, NaN) goes
/// to the library itself. <see cref="Exact"/> is checked once against the library on
/// random and special inputs; if any bit differs (another runtime version), <see cref="Evaluate"/> calls the library.
/// </summary>
internal static class TanhLanes
{
    private const ulong ArgumentMax = 0x40862000_00000000; // |x| ≤ 709 (as bits)
    private const double Shifter = 6755399441055744; // 1.5 · 2^52
    private const double InvLn2 = 1.4426950408889634;
    private const double Ln2Head = 0.693359375, Ln2Tail = -0.00021219444005469057;

    /// <summary>True when the inline arithmetic reproduced the library bit for bit on this machine.</summary>
    public static bool Exact { get; } = Verify();

    /// <summary><c>value = tanh z</c>, <c>d1 = 1 − value²</c>, entry by entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(ReadOnlySpan<Vector512<double>> z, Span<Vector512<double>> value, Span<Vector512<double>> d1)
    {
        var one = Vector512.Create(1.0);
        if (!Exact)
        {
            var zs = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector512<double>, double>(z);
            TensorPrimitives.Tanh(zs, System.Runtime.InteropServices.MemoryMarshal.Cast<Vector512<double>, double>(value));
            for (int t = 0; t < z.Length; t++) d1[t] = one - value[t] * value[t];
            return;
        }
        if (InRange(z))
        {
            // No vector goes to the library: the loop holds no call, so nothing is spilled around one.
            for (int t = 0; t < z.Length; t++)
            {
                var a = Inline(z[t]);
                (value[t], d1[t]) = (a, one - a * a);
            }
            return;
        }
        int i = 0;
        for (; i + 2 <= z.Length; i += 2)
        {
            var a = Tanh(z[i]);
            var b = Tanh(z[i + 1]);
            (value[i], value[i + 1]) = (a, b);
            d1[i] = one - a * a;
            d1[i + 1] = one - b * b;
        }
        if (i < z.Length)
        {
            var a = Tanh(z[i]);
            value[i] = a;
            d1[i] = one - a * a;
        }
    }

    /// <summary>
    /// <c>value = tanh z</c> over a span of one model (the per-chain forward pass), with the bits of
    /// <see cref="TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/>, when the span is whole vectors and every entry is
    /// in the inline range, so the library's grouping of entries into vectors cannot matter; otherwise false and nothing
    /// is written.
    /// </summary>
    public static bool TryEvaluate(ReadOnlySpan<double> z, Span<double> value)
    {
        if (!Exact || z.Length < 8 || z.Length % 8 != 0) return false;
        var lanes = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector512<double>>(z);
        if (!InRange(lanes)) return false;
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector512<double>>(value[..z.Length]);
        for (int t = 0; t < lanes.Length; t++) values[t] = Inline(lanes[t]);
        return true;
    }

    /// <summary>Whether every lane of every entry is in the inline path's range (|x| ≤ 354.5, not NaN).</summary>
    private static bool InRange(ReadOnlySpan<Vector512<double>> z)
    {
        foreach (var x in z)
        {
            var y = Vector512.Abs(x);
            if (!Vector512.LessThanOrEqualAll((y + y).AsUInt64(), Vector512.Create(ArgumentMax))) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Tanh(Vector512<double> x)
    {
        var y = Vector512.Abs(x);
        // |x| > 354.5 in some lane: the library's exponential treats that vector differently, so the library decides.
        return Vector512.LessThanOrEqualAll((y + y).AsUInt64(), Vector512.Create(ArgumentMax)) ? Inline(x) : Library(x);
    }

    /// <summary>The library's arithmetic for a vector in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Inline(Vector512<double> x)
    {
        var y = Vector512.Abs(x);
        var z = Exp(Vector512.Create(-2.0) * y) - Vector512<double>.One;
        var sign = x.AsUInt64() & Vector512.Create(0x8000_0000_0000_0000UL);
        return (sign ^ (-z / (z + Vector512.Create(2.0))).AsUInt64()).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Exp(Vector512<double> x)
    {
        var shifted = Vector512.FusedMultiplyAdd(x, Vector512.Create(InvLn2), Vector512.Create(Shifter));
        var n = shifted.AsUInt64();
        var dn = shifted - Vector512.Create(Shifter);
        var r = Vector512.FusedMultiplyAdd(dn, Vector512.Create(-Ln2Head), x);
        r = Vector512.FusedMultiplyAdd(dn, Vector512.Create(-Ln2Tail), r);
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var high = Fma(Fma(C(2.499430431958571E-08), r, C(2.7632293298250954E-07)), r2,
            Fma(C(2.7557622532543023E-06), r, C(2.4801486521374483E-05)));
        var middle = Fma(Fma(C(0.00019841269432677495), r, C(0.001388888895122404)), r2,
            Fma(C(0.008333333333559272), r, C(0.04166666666649277)));
        var low = Fma(Fma(C(0.1666666666666617), r, C(0.5000000000000018)), r2, r + Vector512<double>.One);
        var poly = Fma(high, r8, Fma(middle, r4, low));
        return poly * ((n + Vector512.Create(1023UL)) << 52).AsDouble();
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<double> Library(Vector512<double> x)
    {
        Span<double> lanes = stackalloc double[8];
        x.CopyTo(lanes);
        TensorPrimitives.Tanh(lanes, lanes);
        return Vector512.Create<double>(lanes);
    }

    /// <summary>
    /// The inline path against the library on 2¹⁴ random values of mixed magnitude below the fast range's limit, and on
    /// special values each filling a whole vector (the library's fallback for an out-of-range argument changes the whole
    /// vector it sits in, so mixed vectors would compare groupings, not arithmetic).
    /// </summary>
    private static bool Verify()
    {
        // Only with Vector512 in hardware: elsewhere the runtime carries a Vector512 as halves, slower here than the
        // library's own narrower vectors, which then compute every entry (same bits, elementwise).
        if (!Vector512.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Fma.IsSupported) return false;
        var random = new System.Random(20201);
        double[] special = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-300, 354.0, -354.5, 355.0, 400.0, -800.0,
            double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 19.0, -0.5493061443340549];
        var x = new double[(1 << 14) + 8 * special.Length];
        for (int t = 0; t < 1 << 14; t++) x[t] = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-60, 9));
        for (int s = 0; s < special.Length; s++) x.AsSpan((1 << 14) + 8 * s, 8).Fill(special[s]);
        var expected = new double[x.Length];
        for (int t = 0; t < x.Length; t += 8) TensorPrimitives.Tanh(x.AsSpan(t, 8), expected.AsSpan(t, 8));
        var z = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector512<double>>(x);
        var value = new Vector512<double>[z.Length];
        for (int i = 0; i < z.Length; i++) value[i] = Tanh(z[i]);
        var got = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector512<double>, double>(value);
        for (int t = 0; t < x.Length; t++)
        {
            if (BitConverter.DoubleToInt64Bits(got[t]) != BitConverter.DoubleToInt64Bits(expected[t])
                && !(double.IsNaN(got[t]) && double.IsNaN(expected[t]))) return false;
        }
        return true;
    }
}
