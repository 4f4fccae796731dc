using System.Runtime.Intrinsics;
using Xunit;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A test of something only an AVX-512 machine has (the inline tanh of the eight-lane kernels): it runs where
/// <see cref="Vector512"/> is accelerated with fused multiply-adds, and is otherwise skipped with the reason, rather than
/// passing having run nothing.
/// </summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    /// <summary>The reason shown for a skipped test.</summary>
    public const string SkipReason = "needs AVX-512 with FMA (Vector512.IsHardwareAccelerated); this CPU or runtime has it off";

    public Avx512FactAttribute()
    {
        if (!Vector512.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Fma.IsSupported) Skip = SkipReason;
    }
}
