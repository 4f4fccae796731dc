using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using FsCheck.Xunit;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The engine's own logarithm and cosine (docs/design.md "Bit-identity contract"), which every Gaussian uses through
/// Box–Muller: within 1 ulp of the runtime's <see cref="Math.Log(double)"/> and <see cref="Math.Cos(double)"/> (the C
/// library's, itself within 1 ulp of the correctly rounded value) on 2²⁴ points and the edge cases; its exponential and
/// tanh, which the activations use: the exponential within 2 ulp of <see cref="Math.Exp(double)"/> (its own error is
/// below 2 ulp), tanh within 3 ulp of <see cref="Math.Tanh(double)"/> from |x| = 0.55 on and within 3·2⁻⁵³ absolute
/// below (see <see cref="HyperbolicTangent"/>); and the lanes at every width (two, four, eight) equal to the scalar
/// function bit for bit, since all are one source.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class TranscendentalTests
{
    private const int Points = 1 << 24;

    /// <summary>2²⁴ points: keyed uniforms <c>(j + ½) 2⁻⁵³</c>, every binade from 2⁻¹⁰⁷⁴ to 2¹⁰²³, and within 0.07 of 1.</summary>
    [Fact]
    public void Log_is_within_one_ulp_on_two_to_the_24_points()
    {
        var random = new System.Random(20261207);
        var x = new double[Points];
        for (int t = 0; t < Points; t++)
        {
            x[t] = (t % 3) switch
            {
                0 => ((random.NextInt64() >>> 10) + 0.5) * (1.0 / (1UL << 53)),
                1 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000)),
                _ => 1 + (random.NextDouble() - 0.5) * 0.14,
            };
        }
        AssertAgrees(Log, NaturalLog.Log, Math.Log, x);
    }

    /// <summary>2²⁴ points: keyed angles <c>2π (j + ½) 2⁻⁵³</c>, every binade to 2¹⁰²³ of both signs, near multiples of π/4.</summary>
    [Fact]
    public void Cos_is_within_one_ulp_on_two_to_the_24_points()
    {
        var random = new System.Random(20261208);
        var x = new double[Points];
        for (int t = 0; t < Points; t++)
        {
            x[t] = (t % 3) switch
            {
                0 => 2 * Math.PI * (((random.NextInt64() >>> 10) + 0.5) * (1.0 / (1UL << 53))),
                1 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue) & ~0x7FF0000000000000L |
                    (long)random.Next(0, 0x7FF) << 52),
                _ => random.Next(0, 400) * Math.PI / 4 + (random.NextDouble() - 0.5) * 1e-9,
            };
        }
        AssertAgrees(Cos, Cosine.Cos, Math.Cos, x);
    }

    /// <summary>2²⁴ points: uniform over the finite range (subnormal results included), over [−1, 1], and every binade of both signs.</summary>
    [Fact]
    public void Exp_is_within_two_ulp_on_two_to_the_24_points()
    {
        var random = new System.Random(20261209);
        var x = new double[Points];
        for (int t = 0; t < Points; t++)
        {
            x[t] = (t % 3) switch
            {
                0 => -746 + random.NextDouble() * 1456,
                1 => 2 * random.NextDouble() - 1,
                _ => (random.Next(2) == 0 ? 1 : -1) * Math.Pow(2, random.Next(-60, 10)) * (1 + random.NextDouble()),
            };
        }
        AssertAgrees(Exp, Exponential.Exp, Math.Exp, x, maxUlps: 2);
    }

    /// <summary>
    /// 2²⁴ points: uniform over [−20, 20] and [−0.6, 0.6], and every binade from 2⁻⁶⁰ to 2⁹ of both signs; within 3 ulp
    /// from |x| = 0.55 on, within 3·2⁻⁵³ absolute below (the form's relative error grows towards 0).
    /// </summary>
    [Fact]
    public void Tanh_is_within_its_bound_on_two_to_the_24_points()
    {
        var random = new System.Random(20261210);
        var x = new double[Points];
        for (int t = 0; t < Points; t++)
        {
            x[t] = (t % 3) switch
            {
                0 => 40 * random.NextDouble() - 20,
                1 => 1.2 * random.NextDouble() - 0.6,
                _ => (random.Next(2) == 0 ? 1 : -1) * Math.Pow(2, random.Next(-60, 9)) * (1 + random.NextDouble()),
            };
        }
        AssertTanh(x);
    }

    /// <summary>Tanh's bound: 3 ulp from |x| = 0.55, 3·2⁻⁵³ absolute below.</summary>
    private static void AssertTanh(double[] x)
    {
        AssertAgrees(Tanh, HyperbolicTangent.Tanh, Math.Tanh, [.. x.Where(v => !(Math.Abs(v) < 0.55))], maxUlps: 3);
        AssertAgrees(Tanh, HyperbolicTangent.Tanh, Math.Tanh, [.. x.Where(v => Math.Abs(v) < 0.55)], nearZero: 3 * Math.Pow(2, -53),
            maxUlps: 3);
    }

    /// <summary>
    /// The scalar entry points, which the per-chain Gaussians call, are roots of their own optimized from the first
    /// call (docs/bench-history.md "2026-12-07 (fifth entry)"): not inlined, so their generic core is inlined into them
    /// and never runs at the JIT's first tier, where each width operation is a call.
    /// </summary>
    [Fact]
    public void Scalar_entry_points_are_optimized_roots()
    {
        const MethodImplAttributes root = MethodImplAttributes.NoInlining | MethodImplAttributes.AggressiveOptimization;
        foreach (var method in new[] { typeof(NaturalLog).GetMethod(nameof(NaturalLog.Log), [typeof(double)]),
            typeof(Cosine).GetMethod(nameof(Cosine.Cos), [typeof(double)]),
            typeof(Exponential).GetMethod(nameof(Exponential.Exp), [typeof(double)]),
            typeof(HyperbolicTangent).GetMethod(nameof(HyperbolicTangent.Tanh), [typeof(double)]) })
        {
            Assert.NotNull(method);
            Assert.Equal(root, method.MethodImplementationFlags & root);
        }
    }

    /// <summary>0, −0, subnormals, the smallest normal, 1 and its neighbours, the largest double, negatives, ±∞, NaN.</summary>
    [Fact]
    public void Log_edge_cases()
    {
        Assert.Equal(double.NegativeInfinity, NaturalLog.Log(0.0));
        Assert.Equal(double.NegativeInfinity, NaturalLog.Log(-0.0));
        Assert.Equal(double.PositiveInfinity, NaturalLog.Log(double.PositiveInfinity));
        Assert.True(double.IsNaN(NaturalLog.Log(double.NegativeInfinity)));
        Assert.True(double.IsNaN(NaturalLog.Log(double.NaN)));
        Assert.True(double.IsNaN(NaturalLog.Log(-1.0)));
        Assert.True(double.IsNaN(NaturalLog.Log(-double.Epsilon)));
        Assert.Equal(0.0, NaturalLog.Log(1.0));
        double[] x = [double.Epsilon, 2 * double.Epsilon, 3e-320, 1e-310, BitConverter.Int64BitsToDouble(0x000FFFFFFFFFFFFF),
            BitConverter.Int64BitsToDouble(0x0010000000000000), Math.BitDecrement(1.0), Math.BitIncrement(1.0), 0.9375, 1.0644,
            Math.E, 2.0, double.MaxValue, 1e308, 0.5];
        AssertAgrees(Log, NaturalLog.Log, Math.Log, x);
        AssertAgrees(Log, NaturalLog.Log, Math.Log, [0.0, -0.0, -1.0, double.NaN, double.PositiveInfinity,
            double.NegativeInfinity, 1.0, 2.0]);
    }

    /// <summary>0, −0, tiny, the region edges, large arguments up to the largest double (exact reduction), ±∞, NaN.</summary>
    [Fact]
    public void Cos_edge_cases()
    {
        Assert.Equal(1.0, Cosine.Cos(0.0));
        Assert.Equal(1.0, Cosine.Cos(-0.0));
        Assert.True(double.IsNaN(Cosine.Cos(double.PositiveInfinity)));
        Assert.True(double.IsNaN(Cosine.Cos(double.NegativeInfinity)));
        Assert.True(double.IsNaN(Cosine.Cos(double.NaN)));
        double[] x = [double.Epsilon, 1e-300, 7e-9, 0.126, 0.855469, 2.426265, Math.PI / 2, Math.PI, 1e5, 105414349.0,
            105414351.0, 1e9, 2.8e14, 1e15, 1e22, 6381956970095103.0 * Math.Pow(2, 797), 1e300, double.MaxValue,
            -double.MaxValue, -1e22, -3.0];
        // Near a zero of the cosine at a huge argument the C library keeps an absolute, not a relative, error: at
        // 6381956970095103·2⁷⁹⁷ (the double closest to a multiple of π/2) it is 8 ulp off; there the comparison is
        // absolute, at 2⁻¹⁰⁰, and the value below is checked against 3000-bit arithmetic (mpmath): correctly rounded.
        AssertAgrees(Cos, Cosine.Cos, Math.Cos, x, nearZero: Math.Pow(2, -100));
        Assert.Equal(-4.687165924254628e-19, Cosine.Cos(6381956970095103.0 * Math.Pow(2, 797)));
        var random = new System.Random(5);
        var large = new double[4096];
        for (int t = 0; t < large.Length; t++) large[t] = (1 + random.NextDouble()) * Math.Pow(2, random.Next(26, 1024));
        AssertAgrees(Cos, Cosine.Cos, Math.Cos, large, nearZero: Math.Pow(2, -100));
    }

    /// <summary>±0, the fast range's edges, overflow, the subnormal results and underflow, ±∞, NaN.</summary>
    [Fact]
    public void Exp_edge_cases()
    {
        Assert.Equal(1.0, Exponential.Exp(0.0));
        Assert.Equal(1.0, Exponential.Exp(-0.0));
        Assert.Equal(0.0, Exponential.Exp(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, Exponential.Exp(double.PositiveInfinity));
        Assert.True(double.IsNaN(Exponential.Exp(double.NaN)));
        Assert.Equal(double.PositiveInfinity, Exponential.Exp(709.79));
        Assert.Equal(0.0, Exponential.Exp(-745.2));
        Assert.Equal(double.Epsilon, Exponential.Exp(-745.1));
        double[] x = [707.9, 708.0, -708.0, 708.1, -708.1, 708.3, -708.39, -708.4, 709.0, 709.78, 709.782712893384, -709.0, -720.0,
            -740.0, -744.0, -745.0, -745.13, 1e-300, -1e-300, 1e-17, -1e-17, 0.5, -0.5, 1.0, -1.0, 0.34657359027997264,
            -0.34657359027997264, double.MaxValue, -double.MaxValue, double.Epsilon];
        AssertAgrees(Exp, Exponential.Exp, Math.Exp, x, maxUlps: 2);
        AssertAgrees(Exp, Exponential.Exp, Math.Exp, [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 800, -800, 0]);
    }

    /// <summary>±0 (the sign kept), tiny, the fast range's edge (354), where tanh reaches ±1, huge, ±∞, NaN.</summary>
    [Fact]
    public void Tanh_edge_cases()
    {
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(HyperbolicTangent.Tanh(0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(HyperbolicTangent.Tanh(-0.0)));
        Assert.Equal(1.0, HyperbolicTangent.Tanh(double.PositiveInfinity));
        Assert.Equal(-1.0, HyperbolicTangent.Tanh(double.NegativeInfinity));
        Assert.True(double.IsNaN(HyperbolicTangent.Tanh(double.NaN)));
        Assert.Equal(1.0, HyperbolicTangent.Tanh(19.1));
        Assert.Equal(-1.0, HyperbolicTangent.Tanh(-353.9));
        Assert.Equal(1.0, HyperbolicTangent.Tanh(354.0));
        Assert.True(Math.Abs(HyperbolicTangent.Tanh(1e-300)) <= Math.Pow(2, -53));
        AssertTanh([double.Epsilon, -1e-300, 1e-17, 2e-9, 1e-5, 0.01, 0.3, 0.5493061443340549, 0.55, 0.7, 1, 2, 5, 18.9, 19.1,
            -19.1, 353.99, 354.0, 354.01, 1e5, double.MaxValue, -double.MaxValue]);
        AssertAgrees(Tanh, HyperbolicTangent.Tanh, Math.Tanh, [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0]);
    }

    /// <summary>The lanes are the scalar function on any doubles (each lane alone, mixed with special lanes).</summary>
    [Property]
    public void Lanes_equal_the_scalar_function(double[] values, ulong bits)
    {
        double[] x = [.. values, ((bits >> 11) + 0.5) * (1.0 / (1UL << 53)), 2 * Math.PI * ((bits & 0xFFFF) / 65536.0)];
        AssertAgrees(Log, NaturalLog.Log, Math.Log, x);
        AssertAgrees(Cos, Cosine.Cos, Math.Cos, x);
        double[] arguments = [.. x, 800 * ((bits & 0xFFFF) / 65536.0 - 0.5)];
        AssertAgrees(Exp, Exponential.Exp, Math.Exp, arguments, maxUlps: 2);
        AssertTanh(arguments);
    }

    private enum Function { Log, Cos, Exp, Tanh }

    private const Function Log = Function.Log, Cos = Function.Cos, Exp = Function.Exp, Tanh = Function.Tanh;

    /// <summary>
    /// Every lane of the function <paramref name="f"/> at two, four and eight lanes (each width forced, whatever this
    /// machine would choose) has the bits of <paramref name="scalar"/>, and the scalar value is within
    /// <paramref name="maxUlps"/> ulp of <paramref name="library"/> (NaN where the library gives NaN), or within
    /// <paramref name="nearZero"/> of it.
    /// </summary>
    private static void AssertAgrees(Function f, Func<double, double> scalar, Func<double, double> library, double[] values,
        double nearZero = 0, ulong maxUlps = 1)
    {
        var x = values.Concat(new double[7]).Take((values.Length + 7) / 8 * 8).ToArray();
        (int Width, double[] Values)[] lanes = [(2, Lanes<Width128, Lanes128, Bits128>(f, x)),
            (4, Lanes<Width256, Lanes256, Bits256>(f, x)), (8, Lanes<Width512, Lanes512, Bits512>(f, x))];
        for (int t = 0; t < x.Length; t++)
        {
            double v = x[t], own = scalar(v), expected = library(v);
            foreach (var (width, got) in lanes)
            {
                if (BitConverter.DoubleToInt64Bits(got[t]) != BitConverter.DoubleToInt64Bits(own))
                    Assert.Fail($"f({v:R}): {width} lanes {got[t]:R}, scalar {own:R}");
            }
            if (Ulps(own, expected) > maxUlps && !(Math.Abs(own - expected) <= nearZero)) Assert.Fail($"f({v:R}) = {own:R}, library {expected:R}");
        }
    }

    /// <summary>The function <paramref name="f"/> of <paramref name="x"/> (a whole number of vectors) at the width <typeparamref name="TW"/>.</summary>
    private static double[] Lanes<TW, TV, TU>(Function f, double[] x)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>
    {
        var result = new double[x.Length];
        var input = MemoryMarshal.Cast<double, TV>(x.AsSpan());
        var output = MemoryMarshal.Cast<double, TV>(result.AsSpan());
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = f switch
            {
                Function.Log => NaturalLog<TW, TV, TU>.Log(input[i]),
                Function.Cos => Cosine<TW, TV, TU>.Cos(input[i]),
                Function.Exp => Exponential<TW, TV, TU>.Exp(input[i]),
                _ => HyperbolicTangent<TW, TV, TU>.Tanh(input[i]),
            };
        }
        return result;
    }

    /// <summary>Doubles between a and b in the order of the reals (0 for two NaNs, large for NaN against a number).</summary>
    private static ulong Ulps(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : ulong.MaxValue;
        static long Ordered(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            return bits < 0 ? long.MinValue - bits : bits;
        }
        long x = Ordered(a), y = Ordered(b);
        return x > y ? (ulong)(x - y) : (ulong)(y - x);
    }
}
