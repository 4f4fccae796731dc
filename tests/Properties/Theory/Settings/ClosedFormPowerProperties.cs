using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Settings;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// Power of the agreement properties (docs/theory.md §5): each wrong closed form of <see cref="MutatedSetting.All"/> (∇reg
/// halved, as 4MU for 8MU; ∇reg negated; reg doubled; H_i doubled; a component of g_i dropped) disagrees with the
/// general route by more than the 1e-10 tolerance, in the field it affects, whenever the general route's value of that
/// field is not negligible (norm above 1e-6 of its scale). When M has no tangent directions, or P∇reg vanishes, the
/// drift fields are 0 whatever H_i and P are; such draws are classified and skipped for those mutants. The built-in
/// cases, all with a non-zero drift, reject every mutant.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.FewCases)]
public class ClosedFormPowerProperties
{
    [Property(Arbitrary = [typeof(MatrixSensingInstances)])]
    public Property Matrix_sensing_wrong_closed_forms_are_rejected(SettingInstance s) => RejectedProperty(s);

    [Property(Arbitrary = [typeof(Relu1DInstances)])]
    public Property Relu_1d_wrong_closed_forms_are_rejected(SettingInstance s) => RejectedProperty(s);

    [Property(Arbitrary = [typeof(Sigmoid2Instances)])]
    public Property Sigmoid_wrong_closed_forms_are_rejected(SettingInstance s) => RejectedProperty(s);

    [Property(Arbitrary = [typeof(QuadraticInstances)])]
    public Property Quadratic_wrong_closed_forms_are_rejected(SettingInstance s) => RejectedProperty(s);

    [Fact]
    public void Built_in_setting_cases_reject_every_wrong_closed_form()
    {
        foreach (var c in SettingCases.All(1))
        {
            var s = new SettingInstance(new NetworkCase(c.Model, c.Theta, c.Data), c.Sgd);
            Assert.Equal(MutatedSetting.All(s.Symbolic).Count(), Rejected(s).Count());
        }
    }

    private static Property RejectedProperty(SettingInstance s)
    {
        var checkedMutants = Rejected(s).ToList();
        return Prop.Label(true, "checked").Classify(checkedMutants.Count == MutatedSetting.All(s.Symbolic).Count(), "every mutant visible")
            .Collect($"{checkedMutants.Count} mutants visible");
    }

    private static ClosedFormPrediction? TryPredict(MutatedSetting mutant, SettingInstance s)
    {
        try
        {
            return mutant.Predict(s.Sgd);
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }

    /// <summary>Asserts every visible mutant is rejected; returns the names of those checked.</summary>
    private static IEnumerable<string> Rejected(SettingInstance s)
    {
        var general = Agreement.General(s);
        var fields = Agreement.Fields(general.ToClosedForm(), general, s.Sgd).ToDictionary(f => f.Name);
        foreach (var mutant in MutatedSetting.All(s.Symbolic))
        {
            var field = fields[mutant.Field];
            if (!(Agreement.Norm(field.General) > 1e-6 * field.Scale)) continue;
            var prediction = TryPredict(mutant, s);
            if (prediction is null)
            {
                yield return mutant + " (refused: the wrong g_i make J rank-deficient)";
                continue;
            }
            var mutated = Agreement.Fields(prediction, general, s.Sgd).Single(f => f.Name == mutant.Field);
            double ratio = Agreement.Ratio(mutated.Symbolic, mutated.General, mutated.Scale);
            if (!(ratio > 1))
                throw new CheckFailedException($"{mutant} was accepted ({mutant.Field} off by {ratio:G3} of the tolerance)");
            yield return mutant.ToString();
        }
    }
}
