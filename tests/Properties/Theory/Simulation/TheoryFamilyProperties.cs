using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// The four generated families every theory-versus-simulation concern runs on: MLPs and DAGs with skip connections,
/// each in full batch and minibatch (docs/theory.md §1–§3). A concern derives from this class and states its check once in
/// <see cref="Check"/>; FsCheck draws the same cases for every concern, so simulations are shared
/// (<see cref="StationaryRuns"/>).
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = SimulationPlans.Cases)]
public abstract class TheoryFamilyProperties
{
    [Property(Arbitrary = [typeof(MlpFullBatchTheoryCases)])]
    public void Mlp_full_batch(TheoryDraw draw) => Check(draw);

    [Property(Arbitrary = [typeof(DagFullBatchTheoryCases)])]
    public void Dag_full_batch(TheoryDraw draw) => Check(draw);

    [Property(Arbitrary = [typeof(MlpMinibatchTheoryCases)])]
    public void Mlp_minibatch(TheoryDraw draw) => Check(draw);

    [Property(Arbitrary = [typeof(DagMinibatchTheoryCases)])]
    public void Dag_minibatch(TheoryDraw draw) => Check(draw);

    /// <summary>The concern's assertion on one drawn case.</summary>
    protected abstract void Check(TheoryDraw draw);
}
