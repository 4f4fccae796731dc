using System.Runtime.Intrinsics;
using FsCheck.Xunit;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A property of a kernel only an AVX-512 machine runs (<see cref="Avx512FactAttribute"/> for properties): skipped with
/// the reason elsewhere, rather than passing having run nothing.
/// </summary>
public sealed class Avx512PropertyAttribute : PropertyAttribute
{
    public Avx512PropertyAttribute()
    {
        if (!Vector512.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
            Skip = Avx512FactAttribute.SkipReason;
    }
}
