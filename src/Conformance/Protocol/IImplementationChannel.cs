using System.Text.Json.Nodes;

namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// A connection to an implementation under certification (docs/conformance.md §2): a subprocess speaking JSON lines, or an
/// in-process <see cref="IConformanceImplementation"/>.
/// </summary>
public interface IImplementationChannel : IDisposable
{
    /// <summary>
    /// Sends a request and returns the parsed response with the raw line it came from. Throws
    /// <see cref="ProtocolViolationException"/> on a crash, a timeout, or a line that is not a JSON object.
    /// </summary>
    (JsonObject Response, string Line) Exchange(ProtocolRequest request);

    /// <summary>Sends <c>bye</c> and lets the program exit.</summary>
    void Close();
}
