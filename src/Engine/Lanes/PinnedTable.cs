
namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The tables of the lanes' own functions (<see cref="NaturalLog"/>, <see cref="Cosine"/>), pinned so that gathers read
/// them by address.
/// </summary>
internal static class PinnedTable
{
    /// <summary>The doubles with these bit patterns, in a pinned array (gathers read it by address).</summary>
    public static double[] Of(ulong[] bits)
    {
        var table = GC.AllocateArray<double>(bits.Length, pinned: true);
        for (int t = 0; t < bits.Length; t++) table[t] = BitConverter.UInt64BitsToDouble(bits[t]);
        return table;
    }
}
