using Xunit;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A test of the CI step that runs the suite with AVX-512 barred (<c>DOTNET_EnableAVX512=0</c>): it runs when that
/// variable is set and is otherwise skipped with the reason.
/// </summary>
public sealed class Avx512OffFactAttribute : FactAttribute
{
    /// <summary>The runtime's switch for AVX-512 (.NET 10 ignores the older <c>DOTNET_EnableAVX512F</c>).</summary>
    public const string Variable = "DOTNET_EnableAVX512";

    public Avx512OffFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "0") Skip = $"runs only under {Variable}=0 (the CI step with AVX-512 off)";
    }
}
