using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NoiseDrift.Engine.LinearAlgebra;

/// <summary>
/// <c>y ← a·x + y</c> element by element, <c>y_j = x_j·a + y_j</c>: one multiply and one add, each rounded (never
/// fused), so every element has the bits of <c>TensorPrimitives.MultiplyAdd(x, a, y, y)</c> at any vector width. The
/// updates of a gradient step and of a row's share of a loss gradient (docs/theory.md §1), on spans of a few to a few
/// hundred entries, where that call's checks cost more than the arithmetic. Allocation-free.
/// </summary>
public static class Axpy
{
    /// <summary>
    /// <c>y_j = x_j·a + y_j</c> for every j; throws <see cref="ArgumentException"/> unless x and y have the same
    /// length. x and y must not overlap unless they are the same span.
    /// </summary>
    public static void Accumulate(ReadOnlySpan<double> x, double a, Span<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has length {x.Length}, y {y.Length}", nameof(y));
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ry = ref MemoryMarshal.GetReference(y);
        int j = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            for (; j <= x.Length - Vector<double>.Count; j += Vector<double>.Count)
                (Vector.LoadUnsafe(ref rx, (nuint)j) * va + Vector.LoadUnsafe(ref ry, (nuint)j)).StoreUnsafe(ref ry, (nuint)j);
        }
        for (; j < x.Length; j++) Unsafe.Add(ref ry, j) = Unsafe.Add(ref rx, j) * a + Unsafe.Add(ref ry, j);
    }
}
