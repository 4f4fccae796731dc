using NoiseDrift.Conformance.Cases;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Conformance.Run;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Conformance.Certification;

/// <summary>
/// Certifies an implementation over a channel (docs/conformance.md): <c>hello</c>, then every op it declares on every
/// case of a model kind (and, when it lists <c>activations</c>, of activations) it supports, deterministic ops against
/// the engine (<see cref="DeterministicJudge"/>) and <c>run</c> statistically (<see cref="RunJudge"/>), then
/// <c>bye</c>. A protocol violation stops certification. The report carries the <see cref="CertificationCoverage"/>:
/// what was judged and what was not.
/// </summary>
public static class Certifier
{
    /// <summary>The ops the suite judges, in the order it sends them.</summary>
    public static IReadOnlyList<string> Ops { get; } = ["forward", "jacobian", "reg", "grad_reg", "hvp", "sgd_step", "run"];

    /// <summary>
    /// The <c>run</c> cases of a tier: the minibatch MLP case (n = 5, B = 2), and in the standard tier also the 1-D ReLU
    /// case with B = 2 of n = 3, each at <c>η λ_max = 0.7</c>, K = 30 steps and C = 8000 chains. Minibatches are needed
    /// to see the batch rules at all. η λ_max = 0.7 keeps the doubled step of a missing ½ stable (at 0.85 and above its
    /// chains are so heavy-tailed that their variance estimate has no power), and C = 8000 then gives batches with
    /// replacement, the weakest case, a margin of about 6 standard errors: every wrong rule of
    /// <see cref="StepRule.Wrong"/> is rejected with probability ≥ 1 − 1e-6 (<see cref="RunPower"/>, checked by a test).
    /// </summary>
    public static IReadOnlyList<RunCase> RunCases(CertificationTier tier)
    {
        var minibatch = RunCase.From(CaseCatalog.All.Single(c => c.Name == "mlp-tanh-2x4-minibatch"), 0.7, 30, 8000, 1);
        if (tier == CertificationTier.Quick) return [minibatch];
        var relu = CaseCatalog.All.Single(c => c.Name == "relu1d-w4");
        return [minibatch, RunCase.From(relu with { Batch = 2 }, 0.7, 30, 8000, 2)];
    }

    /// <summary>Runs the certification; <paramref name="progress"/> sees each row as it is judged.</summary>
    public static CertificationReport Certify(IImplementationChannel channel, CertificationOptions options,
        Action<CheckResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<CheckResult>();
        var skipped = new List<string>();
        string name = "?";
        int id = 0;
        void Add(CheckResult row)
        {
            rows.Add(row);
            progress?.Invoke(row);
        }
        try
        {
            var hello = new ProtocolRequest(++id, "hello", null);
            var (response, line) = channel.Exchange(hello);
            var reader = new ResponseReader(response, line, hello.Id);
            if (!reader.Boolean("ok")) throw new ProtocolViolationException("hello answered ok: false", line);
            name = response["name"]?.ToString() ?? throw new ProtocolViolationException("response is missing field 'name'", line);
            var ops = reader.Strings("ops").ToHashSet();
            var models = reader.Strings("models").ToHashSet();
            HashSet<string>? activations = response.ContainsKey("activations") ? reader.Strings("activations").ToHashSet() : null;
            skipped.AddRange(Ops.Where(op => !ops.Contains(op)).Select(op => $"{op}: not offered"));
            var cases = options.Tier == CertificationTier.Quick ? CaseCatalog.Quick : CaseCatalog.All;
            foreach (var kind in cases.Select(c => c.Model.Kind).Distinct().Where(k => !models.Contains(k)))
                skipped.Add($"model kind {kind}: not offered");
            bool Offered(ConformanceCase c) => models.Contains(c.Model.Kind) &&
                (activations is null || CaseActivations.Of(c).All(activations.Contains));
            foreach (var c in cases.Where(c => models.Contains(c.Model.Kind) && !Offered(c)))
                skipped.Add($"case {c.Name}: activation {string.Join(", ", CaseActivations.Of(c).Where(a => !activations!.Contains(a)))} not offered");
            var judged = new List<ConformanceCase>();
            foreach (var c in cases.Where(Offered))
            {
                judged.Add(c);
                foreach (var op in Ops.Where(o => o != "run" && ops.Contains(o)))
                    foreach (var row in Deterministic(channel, ++id, op, c, options.Relative)) Add(row);
            }
            if (ops.Contains("run"))
            {
                foreach (var run in RunCases(options.Tier))
                {
                    if (!Offered(run.Case)) { skipped.Add($"run on {run.Case.Name}: not offered"); continue; }
                    judged.Add(run.Case);
                    foreach (var row in Statistical(channel, ++id, run)) Add(row);
                }
            }
            channel.Close();
            var coverage = Coverage(rows, judged, activations, options.Tier, skipped);
            return new CertificationReport(name, rows, skipped, null) { Coverage = coverage };
        }
        catch (ProtocolViolationException violation)
        {
            return new CertificationReport(name, rows, skipped, violation);
        }
    }

    /// <summary>
    /// What was judged; every activation no judged case used is added to <paramref name="skipped"/> with its reason.
    /// </summary>
    private static CertificationCoverage Coverage(List<CheckResult> rows, List<ConformanceCase> judged,
        HashSet<string>? declared, CertificationTier tier, List<string> skipped)
    {
        var activations = judged.SelectMany(CaseActivations.Of).Distinct().ToArray();
        foreach (var activation in Engine.Activations.Activation.All.Select(Engine.Activations.Activation.NameOf)
                     .Where(a => !activations.Contains(a)))
        {
            skipped.Add(declared is not null && !declared.Contains(activation)
                ? $"activation {activation}: not offered"
                : $"activation {activation}: no case of the {tier.ToString().ToLowerInvariant()} tier uses it");
        }
        return new CertificationCoverage(
            rows.Select(r => CertificationReport.Op(r.Check)).Distinct().ToArray(),
            judged.Select(c => c.Model.Kind).Distinct().ToArray(),
            activations,
            judged.Select(c => c.Name).Distinct().ToArray(),
            skipped.ToArray());
    }

    private static IEnumerable<CheckResult> Deterministic(IImplementationChannel channel, int id, string op, ConformanceCase c,
        double relative)
    {
        var input = new OpInput(c.Model, c.Theta, c.Rows);
        if (op == "hvp") input = input with { V = c.V };
        if (op == "sgd_step")
            input = input with { Y = SuiteValues.StepLabels(c), Eta = c.Eta, BatchIndices = c.StepBatch, Noise = c.Noise };
        var request = new ProtocolRequest(id, op, input);
        var (response, line) = channel.Exchange(request);
        var reader = new ResponseReader(response, line, id);
        int n = c.Count, p = c.ParameterCount;
        if (reader.Error is { } error)
        {
            yield return VerdictRule.Exact(op, c.Name, 0, double.NaN, 0, $"the program answered error: {error}");
            yield break;
        }
        switch (op)
        {
            case "forward":
                yield return DeterministicJudge.Judge("forward.h", c.Name, SuiteValues.Jacobian(c).H, reader.Vector("h", n), relative);
                break;
            case "jacobian":
                var (h, j) = SuiteValues.Jacobian(c);
                var measuredH = reader.Vector("h", n);
                var measuredJ = reader.Matrix("jacobian", n, p).SelectMany(r => r).ToArray();
                yield return DeterministicJudge.Judge("jacobian.h", c.Name, h, measuredH, relative);
                yield return DeterministicJudge.Judge("jacobian.jacobian", c.Name, j, measuredJ, relative);
                break;
            case "reg":
                yield return DeterministicJudge.Judge("reg", c.Name, [SuiteValues.GradReg(c).Reg], [reader.Number("reg")], relative);
                break;
            case "grad_reg":
                var (reg, gradient) = SuiteValues.GradReg(c);
                double measuredReg = reader.Number("reg");
                var measuredGradient = reader.Vector("grad_reg", p);
                yield return DeterministicJudge.Judge("grad_reg.reg", c.Name, [reg], [measuredReg], relative);
                yield return DeterministicJudge.Judge("grad_reg.grad_reg", c.Name, gradient, measuredGradient, relative);
                break;
            case "hvp":
                yield return DeterministicJudge.Judge("hvp", c.Name, SuiteValues.Hvp(c),
                    reader.Matrix("hvp", n, p).SelectMany(r => r).ToArray(), relative);
                break;
            case "sgd_step":
                yield return DeterministicJudge.Judge("sgd_step", c.Name, SuiteValues.SgdStep(c), reader.Vector("theta", p), relative);
                break;
        }
    }

    private static IReadOnlyList<CheckResult> Statistical(IImplementationChannel channel, int id, RunCase run)
    {
        var c = run.Case;
        var input = new OpInput(c.Model, c.Theta, c.Rows)
        {
            Y = c.Data.Y,
            Eta = c.Eta,
            Sigma = c.Sigma,
            BatchSize = c.Batch,
            Steps = run.Run.Steps,
            Chains = run.Run.Chains,
            Seed = checked((long)run.Run.Seed),
        };
        var (response, line) = channel.Exchange(new ProtocolRequest(id, "run", input));
        var reader = new ResponseReader(response, line, id);
        if (reader.Error is { } error)
            return [VerdictRule.Exact("run", run.Name, 0, double.NaN, 0, $"the program answered error: {error}")];
        return RunJudge.Judge(run, reader.Matrix("theta", run.Run.Chains, c.ParameterCount));
    }
}
