using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static NoiseDrift.Engine.LinearAlgebra.FusedTerms;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// <c>log x</c> over the eight lanes of a <see cref="Vector512{T}"/> with exactly the bits of <see cref="Math.Log(double)"/>
/// on this machine, for the Box–Muller radius of the keyed Gaussians (docs/design.md "Engine conventions": the batched
/// simulator draws the per-chain numbers, docs/theory.md §1). The runtime calls the C library, whose logarithm (glibc 2.36,
/// FMA build) is written here operation for operation: <c>x = 2^k z</c>, <c>r = z/c − 1</c> by one fused multiply-add
/// with the tabulated <c>1/c</c>, <c>log x = k ln 2 + log c + r + A(r)</c>, and near 1 (<c>|x − 1| &lt; 0x1.09p−4</c>) a
/// degree-11 polynomial with a split square. Non-positive, subnormal, infinite or NaN lanes send the vector to
/// <see cref="Math.Log(double)"/>. <see cref="Exact"/> checks the whole against the library once; if any bit differs
/// (another C library), <see cref="Log"/> calls the library lane by lane.
/// </summary>
public static class LogLanes
{
    private const double Ln2Hi = 0.6931471805598903, Ln2Lo = 5.497923018708371e-14, Split = 134217728.0; // 2^27
    private const double A0 = -0.5000000000000001, A1 = 0.33333333331825593, A2 = -0.2499999999622955,
        A3 = 0.20000304511814496, A4 = -0.16667054827627667;
    private const double B0 = -0.5, B1 = 0.3333333333333352, B2 = -0.24999999999998432, B3 = 0.19999999999320328,
        B4 = -0.16666666669929706, B5 = 0.14285715076560868, B6 = -0.12499997863982555, B7 = 0.11110712032936046,
        B8 = -0.10000486757818193, B9 = 0.09181994006195467, B10 = -0.08328363062289341;
    private const ulong Off = 0x3FE6000000000000, NearLow = 0x3FEE000000000000, NearWidth = 0x3090000000000;
    private static readonly double[] Table = PinnedTable(LogLanesTable.Table);

    /// <summary>True when the inline arithmetic reproduced <see cref="Math.Log(double)"/> bit for bit on this machine.</summary>
    public static bool Exact { get; } = Verify();

    /// <summary><c>log x</c> per lane, as <see cref="Math.Log(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x) => Exact ? Inline(x) : Library(x);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector512<double> Inline(Vector512<double> x)
    {
        var ix = x.AsUInt64();
        // Lanes below the smallest normal, negative, infinite or NaN: the library's special cases decide.
        if (!Vector512.LessThanAll(Vector512.ShiftRightLogical(ix, 48) - Vector512.Create(0x10UL), Vector512.Create(0x7FE0UL)))
            return Library(x);
        var tmp = ix - Vector512.Create(Off);
        var index = Vector512.ShiftRightLogical(tmp, 45) & Vector512.Create(0x7FUL);
        var kd = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(tmp.AsInt64(), 52));
        var z = (ix - (tmp & Vector512.Create(0xFFF0000000000000UL))).AsDouble();
        var entry = (index + index).AsInt64();
        var (invc, logc) = (Gather(Table, 0, entry), Gather(Table, 1, entry));
        var w = Fma(kd, C(Ln2Hi), logc);
        var r = Fma(z, invc, C(-1.0));
        var hi = r + w;
        var r2 = r * r;
        var lo = Fma(kd, C(Ln2Lo), w - hi + r);
        var y = Fma(r * r2, Fma(Fma(r, C(A4), C(A3)), r2, Fma(r, C(A2), C(A1))), Fma(r2, C(A0), lo)) + hi;
        var near = Vector512.LessThan(ix - Vector512.Create(NearLow), Vector512.Create(NearWidth));
        if (near == Vector512<ulong>.Zero) return y;
        var one = Vector512.Equals(ix, Vector512.Create(0x3FF0000000000000UL));
        var nearOne = Vector512.ConditionalSelect(one.AsDouble(), Vector512<double>.Zero, NearOne(x));
        return Vector512.ConditionalSelect(near.AsDouble(), nearOne, y);
    }

    /// <summary>The library's path near 1: <c>r + B0 r² + r³ P(r)</c> with <c>r²</c> split at 2^27 for the leading term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> NearOne(Vector512<double> x)
    {
        var r = x - Vector512<double>.One;
        var r2 = r * r;
        var r3 = r * r2;
        var p = Fma(Fma(r3, C(B10), Fma(r2, C(B9), Fma(r, C(B8), C(B7)))), r3, Fma(r2, C(B6), Fma(r, C(B5), C(B4))));
        p = Fma(p, r3, Fma(r2, C(B3), Fma(r, C(B2), C(B1))));
        var rhi = Fma(C(-Split), r, Fma(r, C(Split), r));
        var rhi2 = rhi * rhi;
        var hi = Fma(rhi2, C(B0), r);
        var lo = Fma(C(B0) * (r - rhi), r + rhi, Fma(rhi2, C(B0), r - hi));
        return hi + Fma(p, r3, lo);
    }

    private static Vector512<double> Library(Vector512<double> x) => PerLane(x, Math.Log);

    /// <summary>
    /// The inline path against <see cref="Math.Log(double)"/> on 2¹⁶ uniforms of the keyed form <c>(j + ½) 2⁻⁵³</c>,
    /// 2¹⁴ values of every binade from 2⁻⁶⁰ to 2⁶⁰, 2¹⁴ values within 0.07 of 1, and the edges of every table
    /// subinterval and of the path near 1.
    /// </summary>
    private static bool Verify()
    {
        if (!Supported || !SystemLibm.IsWrittenFrom) return false;
        var random = new System.Random(20261203);
        var x = new List<double>();
        for (int t = 0; t < 1 << 16; t++) x.Add(((random.NextInt64() >>> 10) + 0.5) * (1.0 / (1UL << 53)));
        for (int t = 0; t < 1 << 14; t++) x.Add((1 + random.NextDouble()) * Math.Pow(2, random.Next(-60, 61)));
        for (int t = 0; t < 1 << 14; t++) x.Add(1 + (random.NextDouble() - 0.5) * 0.14);
        for (int i = 0; i < 256; i++)
        {
            double edge = BitConverter.UInt64BitsToDouble(Off + ((ulong)i << 45));
            x.AddRange([edge, Math.BitDecrement(edge), Math.BitIncrement(edge), 2 * edge, edge / 2]);
        }
        foreach (ulong bits in new[] { NearLow, NearLow + NearWidth, 0x3FF0000000000000UL })
        {
            double edge = BitConverter.UInt64BitsToDouble(bits);
            x.AddRange([edge, Math.BitDecrement(edge), Math.BitIncrement(edge)]);
        }
        return Reproduces(Inline, Math.Log, x);
    }
}
