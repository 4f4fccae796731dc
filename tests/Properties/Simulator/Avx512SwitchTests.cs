using System.Runtime.Intrinsics;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The CI step that runs the snapshots with AVX-512 barred does bar it: under <c>DOTNET_EnableAVX512=0</c> the runtime
/// reports <see cref="Vector512"/> off (.NET 10 ignores the older <c>DOTNET_EnableAVX512F</c>, which left that step a
/// copy of the default run). Skipped, with the reason, when the variable is not set.
/// </summary>
public sealed class Avx512SwitchTests
{
    [Avx512OffFact]
    public void The_avx512_switch_turns_vector512_off()
    {
        Assert.False(Vector512.IsHardwareAccelerated);
        Assert.False(System.Runtime.Intrinsics.X86.Avx512F.IsSupported);
    }
}
