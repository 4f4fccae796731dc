using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>A data-driven <see cref="TorchFactAttribute"/>: skipped visibly without torch on a developer's machine, failing in CI.</summary>
public sealed class TorchTheoryAttribute : TheoryAttribute
{
    public TorchTheoryAttribute()
    {
        if (TorchFactAttribute.TorchPython is null && !TorchFactAttribute.InCi)
            Skip = "no Python with torch (apt-get install python3-torch); CI fails instead of skipping";
    }
}
