using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NoiseDrift.Engine.Lanes;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// Many Gaussians of one <see cref="RandomKey"/> at once (a chain-step's label noise, its parameter noise): the indices
/// go into the lanes of the widest native vector, so one vector logarithm and cosine serve eight (or four, or two)
/// draws where the per-chain path called the scalar ones per draw. Every value is <see cref="RandomKey.Gaussian"/> of
/// its index bit for bit: the lanes' hash is the scalar hash, and the lanes' logarithm and cosine are the scalar ones,
/// one source (docs/design.md "Bit-identity contract").
/// </summary>
internal static class KeyedGaussians
{
    /// <summary>
    /// The fewest draws left over after the whole vectors that go through one more, padded, vector; fewer are drawn
    /// one by one: one vector call costs about two to two and a half scalar draws, at two, four or eight lanes
    /// (docs/bench-history.md "2026-12-07 (eighth entry)").
    /// </summary>
    internal const int SmallestPaddedTail = 3;

    /// <summary>0, 1, …, 7: lane i draws at <c>first + r + i</c>.</summary>
    private static readonly ulong[] LaneNumbers = [0, 1, 2, 3, 4, 5, 6, 7];

    /// <summary>
    /// <c>key.Gaussian(index_r)</c> into <c>destination[r]</c>, with <c>index_r = indices[r]</c>, or
    /// <c>first + r</c> when <paramref name="indices"/> is empty.
    /// </summary>
    public static void Fill(RandomKey key, ReadOnlySpan<int> indices, long first, Span<double> destination)
    {
        if (!(System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported))
            FillScalar(key, indices, first, destination);
        else if (Vector512.IsHardwareAccelerated) Fill<Width512, Lanes512, Bits512>(key, indices, first, destination);
        else if (Vector256.IsHardwareAccelerated) Fill<Width256, Lanes256, Bits256>(key, indices, first, destination);
        else if (Vector128.IsHardwareAccelerated) Fill<Width128, Lanes128, Bits128>(key, indices, first, destination);
        else FillScalar(key, indices, first, destination);
    }

    /// <summary>
    /// <see cref="Fill(RandomKey, ReadOnlySpan{int}, long, Span{double})"/> at the width <typeparamref name="TW"/> (the
    /// tests force each): the key in every lane, a vector of indices (the last one padded with the next indices, or with
    /// its last index), and below <see cref="SmallestPaddedTail"/> draws left the last ones one by one.
    /// Optimized from its first call, as the lanes' logarithm and cosine: at the JIT's first tier each width operation
    /// of the hash would be a call.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void Fill<TW, TV, TU>(RandomKey key, ReadOnlySpan<int> indices, long first, Span<double> destination)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>,
            IMultiplyOperators<TV, TV, TV>, IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count, count = destination.Length, r = 0;
        var lanes = RandomKeyLanes<TW, TV, TU>.Of(key);
        var lane = MemoryMarshal.Read<TU>(MemoryMarshal.AsBytes(LaneNumbers.AsSpan(0, w)));
        Span<ulong> index = stackalloc ulong[w];
        Span<double> values = stackalloc double[w];
        for (; count - r >= Math.Min(w, SmallestPaddedTail); r += w)
        {
            int m = Math.Min(w, count - r);
            TU at;
            if (indices.IsEmpty) at = TW.U((ulong)(first + r)) + lane; // the padding lanes draw at the next indices
            else
            {
                for (int t = 0; t < w; t++) index[t] = (ulong)(long)indices[r + Math.Min(t, m - 1)];
                at = MemoryMarshal.Read<TU>(MemoryMarshal.AsBytes(index));
            }
            var g = lanes.Gaussian(at);
            if (m == w) MemoryMarshal.Write(MemoryMarshal.AsBytes(destination.Slice(r, w)), in g);
            else
            {
                MemoryMarshal.Write(MemoryMarshal.AsBytes(values), in g);
                values[..m].CopyTo(destination.Slice(r, m));
            }
        }
        for (; r < count; r++) destination[r] = key.Gaussian(indices.IsEmpty ? first + r : indices[r]);
    }

    /// <summary>The consecutive steps one <see cref="FillSteps"/> call draws for: eight, one vector of the widest width.</summary>
    internal const int StepBlock = 8;

    /// <summary>
    /// A chain's label noise for <see cref="StepBlock"/> consecutive steps at once: <c>Key(seed, stream, first + s)
    /// .Gaussian(i)</c> into <c>destination[s·count + i]</c> for <c>s &lt; StepBlock</c>, <c>i &lt; count</c>. The steps
    /// go into the lanes (one key per lane, one index for all), so a step with fewer draws than lanes (n = 1, 2, 3 on the
    /// built-in cases) no longer pads a vector or draws one by one. Every value is the scalar draw bit for bit (the
    /// lanes' hash is the scalar hash, docs/design.md "Bit-identity contract").
    /// </summary>
    public static void FillSteps(ulong seed, long stream, long first, int count, Span<double> destination)
    {
        if (!(System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported))
            FillStepsScalar(seed, stream, first, count, destination);
        else if (Vector512.IsHardwareAccelerated) FillSteps<Width512, Lanes512, Bits512>(seed, stream, first, count, destination);
        else if (Vector256.IsHardwareAccelerated) FillSteps<Width256, Lanes256, Bits256>(seed, stream, first, count, destination);
        else if (Vector128.IsHardwareAccelerated) FillSteps<Width128, Lanes128, Bits128>(seed, stream, first, count, destination);
        else FillStepsScalar(seed, stream, first, count, destination);
    }

    /// <summary>
    /// <see cref="FillSteps(ulong, long, long, int, Span{double})"/> at the width <typeparamref name="TW"/> (the tests
    /// force each): <see cref="StepBlock"/> / w vectors of keys, each index drawn on every one.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void FillSteps<TW, TV, TU>(ulong seed, long stream, long first, int count, Span<double> destination)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>,
            IMultiplyOperators<TV, TV, TV>, IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count;
        var destinationSteps = destination[..(StepBlock * count)];
        var lane = MemoryMarshal.Read<TU>(MemoryMarshal.AsBytes(LaneNumbers.AsSpan(0, w)));
        var state = TW.U(CounterRandom.StreamState(seed, stream));
        Span<double> values = stackalloc double[w];
        for (int s = 0; s < StepBlock; s += w)
        {
            // Lane t holds step first + s + t: the scalar key's state + Golden + step·LaneSalt, with the lane's step.
            var keys = RandomKeyLanes<TW, TV, TU>.At(state + lane * TW.U(CounterRandom.LaneSalt), first + s);
            for (int i = 0; i < count; i++)
            {
                var g = keys.Gaussian(TW.U((ulong)i));
                MemoryMarshal.Write(MemoryMarshal.AsBytes(values), in g);
                for (int t = 0; t < w; t++) destinationSteps[(s + t) * count + i] = values[t];
            }
        }
    }

    private static void FillStepsScalar(ulong seed, long stream, long first, int count, Span<double> destination)
    {
        for (int s = 0; s < StepBlock; s++)
        {
            var key = CounterRandom.Key(seed, stream, first + s);
            for (int i = 0; i < count; i++) destination[s * count + i] = key.Gaussian(i);
        }
    }

    /// <summary>The draws one by one, on a machine without vectors with fused multiply-adds.</summary>
    private static void FillScalar(RandomKey key, ReadOnlySpan<int> indices, long first, Span<double> destination)
    {
        for (int r = 0; r < destination.Length; r++) destination[r] = key.Gaussian(indices.IsEmpty ? first + r : indices[r]);
    }
}
