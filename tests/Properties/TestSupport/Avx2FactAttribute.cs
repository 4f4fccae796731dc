using System.Runtime.Intrinsics;
using Xunit;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A test of something only an AVX2 machine has (the four-lane inline tanh): it runs where <see cref="Vector256"/> is
/// accelerated with fused multiply-adds, and is otherwise skipped with the reason, rather than passing having run nothing.
/// </summary>
public sealed class Avx2FactAttribute : FactAttribute
{
    public Avx2FactAttribute()
    {
        if (!Vector256.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Fma.IsSupported)
            Skip = "needs AVX2 with FMA (Vector256.IsHardwareAccelerated); this CPU or runtime has it off";
    }
}
