namespace NoiseDrift.Engine.Random;

/// <summary>
/// Every purpose tag of the suite's random streams, in one place (docs/design.md "Engine conventions"). Each member
/// maps the user's seed to the seed of one purpose with <see cref="CounterRandom.DeriveSeed"/>, so draws for different
/// purposes from the same seed are unrelated, and a purpose's draws do not change when another purpose is added. The
/// tag values are frozen: changing one changes every result drawn from it.
/// </summary>
public static class RandomStreams
{
    /// <summary>The minibatch indices of label-noise SGD.</summary>
    public static ulong Batches(ulong seed) => CounterRandom.DeriveSeed(seed, 1);

    /// <summary>The label noise ε of label-noise SGD.</summary>
    public static ulong LabelNoise(ulong seed) => CounterRandom.DeriveSeed(seed, 2);

    /// <summary>The isotropic parameter noise of the control run.</summary>
    public static ulong ParameterNoise(ulong seed) => CounterRandom.DeriveSeed(seed, 3);

    /// <summary>The stationary starts <c>u ~ N(0, S)</c> of antithetic pairs (tag "START").</summary>
    public static ulong StationaryStart(ulong seed) => CounterRandom.DeriveSeed(seed, 0x5354415254UL);

    /// <summary>The <c>N(0, 1/fan_in)</c> draws from which a spec without <c>theta</c> is trained onto M (tag "INIT").</summary>
    public static ulong SpecInitialisation(ulong seed) => CounterRandom.DeriveSeed(seed, 0x494E4954UL);

    /// <summary>θ* and the inputs of the theory battery's generated cases (tag "CAS").</summary>
    public static ulong TheoryCases(ulong seed) => CounterRandom.DeriveSeed(seed, 0x434153UL);

    /// <summary>The ground truth and sensing matrices of a matrix-sensing problem (tag "MS").</summary>
    public static ulong MatrixSensingProblem(ulong seed) => CounterRandom.DeriveSeed(seed, 0x4D53UL);

    /// <summary>The initialisations U₀ of the matrix-sensing reproduction (tag "MT").</summary>
    public static ulong MatrixSensingStart(ulong seed) => CounterRandom.DeriveSeed(seed, 0x4D54UL);

    /// <summary>The initialisations of the ReLU reproduction, one stream per data set (tags "R1" collinear, "R2" generic).</summary>
    public static ulong Relu1DStart(ulong seed, bool collinear) => CounterRandom.DeriveSeed(seed, collinear ? 0x5231UL : 0x5232UL);

    /// <summary>
    /// The initialisations of the sigmoid reproduction, one stream per case: tag "SI" plus <c>100 m + ⌊10 y⌋</c> for
    /// width m and label y.
    /// </summary>
    public static ulong SigmoidStart(ulong seed, int width, double y) =>
        CounterRandom.DeriveSeed(seed, 0x5349 + (ulong)width * 100 + (ulong)(y * 10));

    /// <summary>
    /// The seed of run kind <paramref name="kind"/> (0, 1, 2, …) of a reproduction, <c>seed ⊕ (kind + 1)·φ</c> with φ
    /// the 64-bit golden ratio, so the label-noise chains and the controls draw unrelated noise.
    /// </summary>
    public static ulong RunKind(ulong seed, int kind) => seed ^ (ulong)(kind + 1) * CounterRandom.Golden;
}
