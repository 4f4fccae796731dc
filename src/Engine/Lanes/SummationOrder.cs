using System.Collections.Concurrent;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The order in which <c>TensorPrimitives.Sum</c> and <c>TensorPrimitives.Dot</c> add the terms of a double span of a
/// given length, reproduced so that chains held side by side in the lanes of a vector (or one chain alone, as a
/// double) get the same bits as separate calls (docs/theory.md §1: the batched simulator must equal the per-chain one).
/// <para>
/// The library keeps <c>w</c> partial sums (w = 1, 2, 4 or 8 by length); each slot adds its terms in a fixed order,
/// then the slots are added pairwise. <see cref="For"/> builds that plan and checks it against the library on random
/// spans before it is used; a length whose plan does not match returns null, and the caller falls back.
/// </para>
/// </summary>
internal sealed class SummationOrder
{
    private static readonly ConcurrentDictionary<int, SummationOrder?> Cache = new();
    private readonly int[] _terms;
    private readonly int[] _slotEnd;

    /// <summary>With at most two terms a slot: the second term of each slot (the first of slot s is term s), or −1.</summary>
    private readonly int[]? _second;

    private SummationOrder(int length, int[] terms, int[] slotEnd)
    {
        Length = length;
        _terms = terms;
        _slotEnd = slotEnd;
        // At most two terms a slot, the first of slot s being term s: the short form.
        bool small = slotEnd.Length <= 4 && slotEnd[^1] <= 2 * slotEnd.Length &&
            Enumerable.Range(0, slotEnd.Length).All(s => terms[s == 0 ? 0 : slotEnd[s - 1]] == s &&
                slotEnd[s] - (s == 0 ? 0 : slotEnd[s - 1]) <= 2);
        if (small) _second = [.. Enumerable.Range(0, slotEnd.Length).Select(s => slotEnd[s] - (s == 0 ? 0 : slotEnd[s - 1]) == 2 ? terms[slotEnd[s] - 1] : -1)];
    }

    /// <summary>The span length this order is for.</summary>
    public int Length { get; }

    /// <summary>The verified order for spans of <paramref name="length"/> ≥ 1, or null when it cannot be reproduced.</summary>
    public static SummationOrder? For(int length) => Cache.GetOrAdd(length, l => Verified(Build(l)));

    /// <summary>Lane-wise <c>Σ_t x_t</c> in the library's order.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TV Sum<TV>(ReadOnlySpan<TV> x)
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>
    {
        if (_second is { } second) return Small(x, x, second, product: false);
        Span<TV> slots = stackalloc TV[8];
        int start = 0;
        for (int s = 0; s < _slotEnd.Length; s++)
        {
            var acc = x[_terms[start]];
            for (int t = start + 1; t < _slotEnd[s]; t++) acc += x[_terms[t]];
            slots[s] = acc;
            start = _slotEnd[s];
        }
        return Pairwise(slots[.._slotEnd.Length]);
    }

    /// <summary>Lane-wise <c>Σ_t x_t y_t</c> in the library's order (products rounded, then added).</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TV Dot<TV>(ReadOnlySpan<TV> x, ReadOnlySpan<TV> y)
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>
    {
        if (_second is { } second) return Small(x, y, second, product: true);
        Span<TV> slots = stackalloc TV[8];
        int start = 0;
        for (int s = 0; s < _slotEnd.Length; s++)
        {
            int i = _terms[start];
            var acc = x[i] * y[i];
            for (int t = start + 1; t < _slotEnd[s]; t++)
            {
                i = _terms[t];
                acc += x[i] * y[i];
            }
            slots[s] = acc;
            start = _slotEnd[s];
        }
        return Pairwise(slots[.._slotEnd.Length]);
    }

    /// <summary>
    /// <see cref="Sum"/> or <see cref="Dot"/> below 8 terms, where each of the 1, 2 or 4 slots holds one or two terms:
    /// the same additions in the same order, without the slot buffer and the term list.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TV Small<TV>(ReadOnlySpan<TV> x, ReadOnlySpan<TV> y, int[] second, bool product)
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>
    {
        if (x.Length < Length || y.Length < Length) throw new ArgumentException($"spans shorter than {Length}");
        return second.Length switch
        {
            1 => Slot(x, y, 0, second[0], product),
            2 => Slot(x, y, 0, second[0], product) + Slot(x, y, 1, second[1], product),
            _ => (Slot(x, y, 0, second[0], product) + Slot(x, y, 1, second[1], product)) +
                 (Slot(x, y, 2, second[2], product) + Slot(x, y, 3, second[3], product)),
        };
    }

    /// <summary>Slot s of <see cref="Small"/>: term s, plus term t unless t is −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Slot<TV>(ReadOnlySpan<TV> x, ReadOnlySpan<TV> y, int s, int t, bool product)
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>
    {
        var first = product ? x[s] * y[s] : x[s];
        return t < 0 ? first : first + (product ? x[t] * y[t] : x[t]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Pairwise<TV>(Span<TV> slots)
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV> => slots.Length switch
        {
            1 => slots[0],
            2 => slots[0] + slots[1],
            4 => (slots[0] + slots[1]) + (slots[2] + slots[3]),
            _ => ((slots[0] + slots[1]) + (slots[2] + slots[3])) + ((slots[4] + slots[5]) + (slots[6] + slots[7])),
        };

    /// <summary>
    /// The slots of the library's aggregation for doubles with vectors of w lanes, w the widest accelerated vector
    /// (8 on AVX-512, 4 on AVX2, 2 on SSE or AdvSimd) or, below w terms, the widest that fits: w slots fed by the
    /// leading vector, 8w-term unrolled blocks (only above 8w terms), the middle vectors and the masked trailing vector.
    /// </summary>
    private static SummationOrder Build(int length)
    {
        int w = Vector512.IsHardwareAccelerated ? 8 : Vector256.IsHardwareAccelerated ? 4 : Vector128.IsHardwareAccelerated ? 2 : 1;
        while (w > length) w /= 2;
        var slots = new List<int>[w];
        for (int s = 0; s < w; s++) slots[s] = [];
        int offset = 0, remainder = length;
        bool unrolled = length > 8 * w;
        if (unrolled)
        {
            offset = w;
            remainder -= w;
            for (; remainder >= 8 * w; remainder -= 8 * w, offset += 8 * w)
            {
                for (int v = 0; v < 8; v++)
                {
                    for (int s = 0; s < w; s++) slots[s].Add(offset + w * v + s);
                }
            }
        }
        for (int s = 0; s < w; s++) slots[s].Add(s);
        int blocks = remainder / w - (unrolled ? 0 : 1), trailing = remainder % w;
        remainder -= trailing;
        for (int c = blocks; c >= 1; c--)
        {
            for (int s = 0; s < w; s++) slots[s].Add(offset + remainder - w * c + s);
        }
        for (int s = w - trailing; s < w; s++) slots[s].Add(length - w + s);
        var terms = slots.SelectMany(s => s).ToArray();
        var ends = new int[w];
        for (int s = 0, end = 0; s < w; s++) ends[s] = end += slots[s].Count;
        return new SummationOrder(length, terms, ends);
    }

    /// <summary>The plan if it reproduces <c>TensorPrimitives</c> on 32 random spans of mixed magnitude, else null.</summary>
    private static SummationOrder? Verified(SummationOrder order)
    {
        var random = new System.Random(order.Length);
        var x = new double[order.Length];
        var y = new double[order.Length];
        for (int trial = 0; trial < 32; trial++)
        {
            for (int t = 0; t < x.Length; t++)
            {
                x[t] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
                y[t] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
            }
            if (order.Sum<double>(x) != TensorPrimitives.Sum(x) || order.Dot<double>(x, y) != TensorPrimitives.Dot(x, y))
                return null;
        }
        return order;
    }
}
