using System.Text.Json;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// Reads the <c>sgd</c> block. <c>eta</c> and <c>sigma</c> are required; <c>batch</c> defaults to n (full batch),
/// <c>noise</c> to <c>gaussian</c>, and <c>steps</c>, <c>chains</c>, <c>seed</c> to the <see cref="SgdOptions"/> defaults.
/// The values are validated by <see cref="SgdProblem.Validate"/>, whose bare field names get the block's path here.
/// The stability limit <c>η λ_max &lt; 2</c> depends on θ* and is checked by the theory, not here.
/// </summary>
internal static class SgdSpecReader
{
    public static SgdOptions Read(JsonElement element, string path, int n)
    {
        var o = new SpecObject(element, path, "eta", "sigma", "batch", "noise", "steps", "chains", "seed");
        double eta = SpecValue.Number(o.Required("eta"), o.PathOf("eta"));
        double sigma = SpecValue.Number(o.Required("sigma"), o.PathOf("sigma"));
        int batch = o.Optional("batch") is { } b ? SpecValue.Integer(b, o.PathOf("batch"), 1) : n;
        var noise = o.Optional("noise") is { } law ? Noise(law, o.PathOf("noise")) : NoiseLaw.Gaussian;
        var problem = new SgdProblem(eta, sigma, batch, noise);
        SpecPath.Within(path, () => problem.Validate(n));
        int steps = o.Optional("steps") is { } s ? SpecValue.Integer(s, o.PathOf("steps"), 1) : SgdOptions.DefaultSteps;
        int chains = o.Optional("chains") is { } c ? SpecValue.Integer(c, o.PathOf("chains"), 1) : SgdOptions.DefaultChains;
        ulong seed = o.Optional("seed") is { } k ? SpecValue.Unsigned(k, o.PathOf("seed")) : SgdOptions.DefaultSeed;
        return new SgdOptions(problem, new RunPlan(chains, steps, 0, seed));
    }

    private static NoiseLaw Noise(JsonElement element, string path) => SpecValue.Text(element, path) switch
    {
        "gaussian" => NoiseLaw.Gaussian,
        "rademacher" => NoiseLaw.Rademacher,
        var other => throw new InvalidInputException(path, $"unknown noise law \"{other}\"; expected gaussian or rademacher"),
    };
}
