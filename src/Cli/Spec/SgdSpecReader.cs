using System.Text.Json;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// Reads the <c>sgd</c> block. <c>eta</c> and <c>sigma</c> are required; <c>batch</c> defaults to n (full batch),
/// <c>noise</c> to <c>gaussian</c>, and <c>steps</c>, <c>chains</c>, <c>seed</c> to the <see cref="SgdOptions"/> defaults.
/// The values are validated by <see cref="SgdProblem.Validate"/>, whose bare field names <see cref="SpecPath"/> places
/// under the block.
/// The stability limit <c>η λ_max &lt; 2</c> depends on θ* and is checked by the theory, not here.
/// </summary>
internal static class SgdSpecReader
{
    private static readonly string[] Members = ["eta", "sigma", "batch", "noise", "steps", "chains", "seed"];

    /// <summary>The fields of the block.</summary>
    public static IReadOnlySet<string> FieldNames { get; } = new HashSet<string>(Members, StringComparer.Ordinal);

    public static SgdOptions Read(JsonElement element, string path, int n)
    {
        var o = new ClosedObject(element, path, Members);
        double eta = JsonValues.Number(o.Required("eta"), o.PathOf("eta"));
        double sigma = JsonValues.Number(o.Required("sigma"), o.PathOf("sigma"));
        int batch = o.Optional("batch") is { } b ? JsonValues.WholeNumber(b, o.PathOf("batch"), 1) : n;
        var noise = o.Optional("noise") is { } law ? Noise(law, o.PathOf("noise")) : NoiseLaw.Gaussian;
        var problem = new SgdProblem(eta, sigma, batch, noise);
        problem.Validate(n);
        int steps = o.Optional("steps") is { } s ? JsonValues.WholeNumber(s, o.PathOf("steps"), 1) : SgdOptions.DefaultSteps;
        int chains = o.Optional("chains") is { } c ? JsonValues.WholeNumber(c, o.PathOf("chains"), 1) : SgdOptions.DefaultChains;
        ulong seed = o.Optional("seed") is { } k ? JsonValues.NonNegative(k, o.PathOf("seed")) : SgdOptions.DefaultSeed;
        return new SgdOptions(problem, new RunPlan(chains, steps, 0, seed));
    }

    private static NoiseLaw Noise(JsonElement element, string path) => JsonValues.Text(element, path) switch
    {
        "gaussian" => NoiseLaw.Gaussian,
        "rademacher" => NoiseLaw.Rademacher,
        var other => throw new InvalidInputException(path, $"unknown noise law \"{other}\"; expected gaussian or rademacher"),
    };
}
