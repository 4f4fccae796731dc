namespace NoiseDrift.Conformance.Certification;

/// <summary>
/// What a certification judged (docs/conformance.md "Verdicts", coverage): the ops with at least one row, the model
/// kinds and the activations of the cases judged, the case names, and what it did not judge, each with the reason
/// (not offered by the program, or not in the tier's cases). A certificate covers exactly this and nothing more.
/// </summary>
/// <param name="Ops">The ops judged.</param>
/// <param name="ModelKinds">The model kinds of the cases judged.</param>
/// <param name="Activations">The activations of the <c>mlp</c> and <c>dag</c> cases judged.</param>
/// <param name="Cases">The case names judged.</param>
/// <param name="NotCovered">Each op, model kind, activation or case not judged, with the reason.</param>
public sealed record CertificationCoverage(IReadOnlyList<string> Ops, IReadOnlyList<string> ModelKinds,
    IReadOnlyList<string> Activations, IReadOnlyList<string> Cases, IReadOnlyList<string> NotCovered)
{
    /// <summary>The ops every certificate needs: without them no derivative of the model was checked.</summary>
    public static IReadOnlyList<string> MinimumOps { get; } = ["forward", "jacobian", "hvp"];

    /// <summary>The ops of <see cref="MinimumOps"/> not judged.</summary>
    public IReadOnlyList<string> MissingMinimum => MinimumOps.Where(op => !Ops.Contains(op)).ToArray();

    /// <summary>One line: <c>model kinds …; activations …; N cases (…)</c>.</summary>
    public string Describe() =>
        $"model kinds {List(ModelKinds)}; activations {List(Activations)}; {Cases.Count} cases ({string.Join(", ", Cases)})";

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
