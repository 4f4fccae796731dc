using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FsCheck.Xunit;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The lane kernels' scratch (<see cref="LaneBuffer{TV}"/>, docs/design.md "Bit-identity contract"): every buffer starts
/// on a 64-byte boundary at every lane width, whatever was allocated before it, and holds exactly its length of zeroed
/// vectors that its indexer and its spans share.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class LaneBufferTests
{
    /// <summary>Buffers of generated lengths, each after an allocation of generated size, at the three widths.</summary>
    [Property]
    public void Buffers_start_on_a_cache_line_and_hold_their_length(byte[] lengths)
    {
        var keep = new List<object>();
        foreach (byte b in lengths.Append((byte)1).Append((byte)7))
        {
            // Shifts where the collector puts the next array by a multiple of eight bytes.
            keep.Add(new byte[b % 57]);
            keep.Add(GC.AllocateArray<byte>(b % 61, pinned: true));
            int length = b % 40;
            Check(new LaneBuffer<Lanes512>(length), length, lane => new(System.Runtime.Intrinsics.Vector512.Create((double)lane)));
            Check(new LaneBuffer<Lanes256>(length), length, lane => new(System.Runtime.Intrinsics.Vector256.Create((double)lane)));
            Check(new LaneBuffer<Lanes128>(length), length, lane => new(System.Runtime.Intrinsics.Vector128.Create((double)lane)));
        }
        GC.KeepAlive(keep);
    }

    private static unsafe void Check<TV>(LaneBuffer<TV> buffer, int length, Func<int, TV> value) where TV : unmanaged
    {
        var span = buffer.AsSpan();
        Assert.Equal(length, buffer.Length);
        Assert.Equal(length, span.Length);
        Assert.Equal(0L, (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span)) % 64);
        Assert.True(MemoryMarshal.AsBytes(span).IndexOfAnyExcept((byte)0) < 0, "a new buffer is zero");
        for (int i = 0; i < length; i++) buffer[i] = value(i);
        for (int i = 0; i < length; i++) Assert.Equal(value(i), ((ReadOnlySpan<TV>)buffer)[i]);
        if (length > 1) Assert.Equal(value(length - 1), buffer.AsSpan(1, length - 1)[^1]);
    }
}
