using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Cli.SpecRun;

/// <summary>
/// A spec that every spec command accepts: the one validation path of <c>validate</c>, <c>predict</c> and
/// <c>simulate</c>, so that "ok" from <c>validate</c> means the other two accept it too. In order: the file and its
/// fields (<see cref="SpecReader"/>, with the memory estimate), the simulation plan (even chains, at least two
/// antithetic pairs), θ* on the zero-loss manifold (docs/theory.md §1), the stability limit <c>η λ_max &lt; 2</c> at θ*
/// (docs/theory.md §2, <see cref="Engine.Sgd.SgdProblem.RequireStable"/>), finite predictions (docs/theory.md §2–§3) and, on
/// the paper's settings, the closed forms (docs/theory.md §4). The first
/// failure is an <see cref="InvalidInputException"/> naming the spec field.
/// </summary>
/// <param name="Spec">The spec as read.</param>
/// <param name="Plan">The simulation plan of its <c>sgd</c> block.</param>
/// <param name="Case">θ* with the model, data and hyper-parameters.</param>
/// <param name="Summary">Every prediction at θ*.</param>
/// <param name="Setting">On the paper's settings (docs/theory.md §4), the symbolic route's closed forms; otherwise null.</param>
/// <param name="Notes">Notes for stderr (θ* projected or found), to print once the command succeeds.</param>
public sealed record AcceptedSpec(Spec.Spec Spec, RunPlan Plan, SpecCase Case, PredictionSummary Summary,
    SettingReport? Setting, string Notes)
{
    /// <summary>Reads, validates and resolves the spec file at <paramref name="path"/>.</summary>
    public static AcceptedSpec Load(string path) => Of(SpecReader.Load(path));

    /// <summary>Validates and resolves a spec that has been read.</summary>
    public static AcceptedSpec Of(Spec.Spec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = Simulation.PlanFor(spec.Sgd);
        var notes = new StringWriter();
        var specCase = SpecCase.Resolve(spec, notes);
        var c = specCase.Case;
        PredictionSummary summary;
        try
        {
            summary = PredictionSummary.At(c.Model, c.Theta, c.Data, c.Sgd);
        }
        catch (InvalidInputException) when (NonFiniteCause.InDerivatives(c) is { } cause)
        {
            throw cause;
        }
        NonFiniteCause.Require(c, summary);
        var setting = SettingReport.Of(c.Model, c.Theta, c.Data, c.Sgd, spec.GroundTruth);
        return new AcceptedSpec(spec, plan, specCase, summary, setting, notes.ToString());
    }
}
