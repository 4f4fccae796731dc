namespace NoiseDrift.Conformance.Own;

/// <summary>The implementation answered a request with <c>"error": "message"</c> (docs/conformance.md).</summary>
public sealed class ImplementationErrorException(string op, string message)
    : InvalidOperationException($"the program answered error on {op}: {message}")
{
    /// <summary>The op it failed.</summary>
    public string Op { get; } = op;
}
