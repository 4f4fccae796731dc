using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// The theory-versus-simulation battery (docs/theory.md §2, §3, §5): <see cref="TheoryBattery"/> on its built-in cases —
/// OU covariance, drift (static and dynamic, with the leading-order offset), regularizer decrease, the σ = 0 and
/// isotropic-noise controls, and at the standard and deep tiers the η, σ, B scaling exponents — each verdict with
/// predicted, measured and stderr. <c>--quick</c> runs the smaller plan. The paper's three settings (docs/theory.md §4,
/// <see cref="SettingCases"/>) run the same checks without the scaling fits, which the other cases already cover, and
/// one row each of their closed forms against the engine (<see cref="ClosedFormVerdict"/>).
/// </summary>
public sealed class TheoryChecks : IBattery
{
    /// <inheritdoc/>
    public string Name => "theory";

    /// <inheritdoc/>
    public IReadOnlyList<CheckCase> Cases(BatteryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = options.Tier switch
        {
            Tier.Quick => TheoryBatteryOptions.Quick(options.Seed),
            Tier.Deep => TheoryBatteryOptions.Deep(options.Seed),
            _ => TheoryBatteryOptions.Standard(options.Seed),
        };
        var settingPlan = plan with { Scaling = false };
        return
        [
            .. TheoryBattery.BuiltInDefinitions(options.Seed, deep: options.Tier == Tier.Deep).Select(c =>
                new CheckCase($"theory: {c.Name}", progress => [.. TheoryBattery.Run(c.Build(), plan, progress)])),
            .. SettingCases.All(options.Seed).Select(c =>
                new CheckCase($"theory: {c.Name}", progress => [.. TheoryBattery.Run(c, settingPlan, progress)])),
            .. SettingCases.All(options.Seed).Select(c =>
                new CheckCase($"closed form: {c.Name}", () => [ClosedFormVerdict.Judge(c)!])),
        ];
    }
}
