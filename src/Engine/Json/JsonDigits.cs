namespace NoiseDrift.Engine.Json;

/// <summary>How <see cref="JsonLine"/> writes a finite number; both forms read back to the same double.</summary>
public enum JsonDigits
{
    /// <summary>The shortest text that round-trips (<c>0.07</c>): the CLI's output.</summary>
    Shortest,

    /// <summary>17 significant digits with a lower-case exponent (<c>0.070000000000000007</c>): the conformance vectors.</summary>
    Seventeen,
}
