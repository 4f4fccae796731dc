namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// The program under certification broke the JSON-lines protocol of docs/conformance.md §2: bad JSON, a wrong id, a missing
/// or non-finite field, a crash, or no answer in time. <c>certify</c> exits 3 and quotes <see cref="OffendingLine"/>.
/// </summary>
public sealed class ProtocolViolationException : Exception
{
    /// <summary>The longest quoted line; longer lines are cut with an ellipsis.</summary>
    public const int MaxQuote = 300;

    public ProtocolViolationException()
    {
        OffendingLine = "";
    }

    public ProtocolViolationException(string message) : this(message, "")
    {
    }

    public ProtocolViolationException(string message, Exception inner) : base(message, inner)
    {
        OffendingLine = "";
    }

    /// <summary>A violation with the line that showed it (a response, or the request left unanswered).</summary>
    public ProtocolViolationException(string message, string offendingLine) : base(message)
    {
        ArgumentNullException.ThrowIfNull(offendingLine);
        OffendingLine = offendingLine.Length > MaxQuote ? offendingLine[..MaxQuote] + "…" : offendingLine;
    }

    /// <summary>The offending line, quoted in the report.</summary>
    public string OffendingLine { get; }
}
