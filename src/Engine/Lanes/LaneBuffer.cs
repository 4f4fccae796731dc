using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// A fixed-length array of lane vectors <typeparamref name="TV"/> whose first entry starts on a 64-byte boundary, so no
/// vector of up to 64 bytes straddles two cache lines (a plain <c>TV[]</c> starts wherever the collector put it: with
/// eight-lane vectors most entries then split a cache line, and the lane kernels load and store every entry many
/// times a step). The storage is a pinned array of doubles, so the alignment holds for the buffer's lifetime.
/// </summary>
internal readonly struct LaneBuffer<TV> where TV : unmanaged
{
    private const int Alignment = 64;
    private readonly double[] _storage;
    private readonly int _start;

    /// <summary>Zeroed storage for <paramref name="length"/> vectors.</summary>
    public unsafe LaneBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int doubles = length * (sizeof(TV) / sizeof(double));
        _storage = GC.AllocateArray<double>(doubles + Alignment / sizeof(double), pinned: true);
        long address = (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_storage));
        _start = (int)((Alignment - address % Alignment) % Alignment / sizeof(double));
        Length = length;
    }

    /// <summary>Vectors in the buffer.</summary>
    public int Length { get; }

    /// <summary>Entry <paramref name="index"/>.</summary>
    public ref TV this[int index] => ref Span[index];

    /// <summary>The whole buffer.</summary>
    public Span<TV> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => MemoryMarshal.CreateSpan(ref Unsafe.As<double, TV>(ref _storage[_start]), Length);
    }

    /// <summary>Entries <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<TV> AsSpan(int start, int length) => Span.Slice(start, length);

    /// <summary>The whole buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<TV> AsSpan() => Span;

    public static implicit operator Span<TV>(LaneBuffer<TV> buffer) => buffer.Span;

    public static implicit operator ReadOnlySpan<TV>(LaneBuffer<TV> buffer) => buffer.Span;
}
