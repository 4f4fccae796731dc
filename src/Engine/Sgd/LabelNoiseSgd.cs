using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// One chain of label-noise SGD, exactly as docs/theory.md §1 states it:
/// <c>θ_{k+1} = θ_k − η ∇_θ (1/2B) Σ_{i∈S_k} (h(x_i; θ_k) − y_i − ε_{k,i})²</c>, then, as a control (§3),
/// <c>θ += τ ξ</c>.
/// <para>
/// Randomness is keyed (<see cref="CounterRandom"/>): the batch <c>S_k</c> by <c>(stream, k)</c>, the noise
/// <c>ε_{k,i}</c> by <c>(stream, k, i)</c> with i the example, and <c>ξ_{k,j}</c> by <c>(stream, k, j)</c>, each
/// purpose with its own derived seed. A stream is a chain, or an antithetic pair whose two chains share batches and use
/// noise signs +1 and −1 (§3, variance reduction). Thread-safe: all mutable state is in the <see cref="SgdWorkspace"/>.
/// </para>
/// </summary>
public sealed class LabelNoiseSgd
{
    private readonly ulong _batchSeed, _noiseSeed, _parameterSeed;

    /// <summary>Validates the model, data and settings (errors name the field and value).</summary>
    public LabelNoiseSgd(Model model, Dataset data, SgdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        model.ValidateData(data);
        settings.Validate(data);
        Model = model;
        Data = data;
        Settings = settings;
        _batchSeed = RandomStreams.Batches(settings.Seed);
        _noiseSeed = RandomStreams.LabelNoise(settings.Seed);
        _parameterSeed = RandomStreams.ParameterNoise(settings.Seed);
    }

    public Model Model { get; }

    /// <summary>The derived seeds of the batches, the label noise ε and the parameter noise ξ.</summary>
    internal (ulong Batch, ulong Noise, ulong Parameter) Seeds => (_batchSeed, _noiseSeed, _parameterSeed);

    public Dataset Data { get; }

    public SgdSettings Settings { get; }

    /// <summary>Per-chain scratch; create one per thread.</summary>
    public SgdWorkspace CreateWorkspace() => new(Model, Data.Count, Settings.Problem.Batch);

    /// <summary>
    /// Per-chain scratch for chains of <paramref name="steps"/> steps: room for a whole chain's full-batch label noise
    /// (up to <see cref="SgdWorkspace.MaxNoiseDoubles"/> doubles), which the antithetic partner then reads.
    /// </summary>
    internal SgdWorkspace CreateWorkspace(int steps) => new(Model, Data.Count, Settings.Problem.Batch,
        Settings.Problem.Batch == Data.Count ? steps : KeyedGaussians.StepBlock);

    /// <summary>
    /// Takes step k in place and returns the noisy batch loss <c>(1/2B) Σ_{i∈S_k} (h_i − y_i − ε_{k,i})²</c> at
    /// <c>θ_k</c>; it is not finite (and θ is left unchanged) when the chain has blown up (see <see cref="IsDiverged"/>). Allocation-free.
    /// </summary>
    /// <param name="theta">θ_k on entry, θ_{k+1} on return.</param>
    /// <param name="stream">The chain, or antithetic pair, that keys the randomness.</param>
    /// <param name="step">k.</param>
    /// <param name="noiseSign">+1, or −1 for the antithetic partner: negates ε and ξ, keeps the batch.</param>
    /// <param name="ws">This chain's workspace.</param>
    public double Step(Span<double> theta, long stream, long step, double noiseSign, SgdWorkspace ws) =>
        TakeStep(theta, stream, step, noiseSign, ws, out _, clean: false);

    /// <summary>
    /// <see cref="CleanGradient"/> into <c>ws.CleanGradient</c> (returning <paramref name="cleanLoss"/>), then
    /// <see cref="Step"/>, bit for bit as the two calls. On the full batch of a model that shares each row's gradient
    /// between two targets (<see cref="Models.Model.SharesRowGradients"/>) both directions come from one pass over the rows.
    /// </summary>
    internal double StepWithCleanGradient(Span<double> theta, long stream, long step, double noiseSign, SgdWorkspace ws,
        out double cleanLoss)
    {
        if (Settings.Problem.Batch == Data.Count && Model.SharesRowGradients)
            return TakeStep(theta, stream, step, noiseSign, ws, out cleanLoss, clean: true);
        cleanLoss = CleanGradient(theta, ws.CleanGradient, ws);
        return Step(theta, stream, step, noiseSign, ws);
    }

    private double TakeStep(Span<double> theta, long stream, long step, double noiseSign, SgdWorkspace ws, out double cleanLoss,
        bool clean)
    {
        cleanLoss = double.NaN;
        var s = Settings;
        var problem = s.Problem;
        int n = Data.Count, b = problem.Batch, d = Data.Dimension;
        var targets = ws.Targets.AsSpan(0, b);
        var noise = CounterRandom.Key(_noiseSeed, stream, step);
        double scale = noiseSign * problem.Sigma;
        ReadOnlySpan<double> inputs;
        if (b == n)
        {
            inputs = Data.X;
            if (scale != 0 && problem.Noise == NoiseLaw.Gaussian && step >= 0) BlockTargets(stream, step, scale, targets, ws);
            else Targets(noise, default, scale, targets);
        }
        else
        {
            var batch = BatchSampler.Select(_batchSeed, stream, step, n, b, ws.Indices);
            Targets(noise, batch, scale, targets);
            var gathered = ws.BatchInputs.AsSpan();
            for (int r = 0; r < b; r++) Data.Row(batch[r]).CopyTo(gathered.Slice(r * d, d));
            inputs = gathered;
        }

        double loss;
        if (clean)
        {
            // The default LossGradientStep (SharesRowGradients): the step direction, then θ ← θ − η∇L_t when finite.
            (cleanLoss, loss) = Model.LossGradients(theta, Data.X, Data.Y, targets, ws.CleanGradient, ws.Gradient, ws.Model);
            if (double.IsFinite(loss)) Axpy.Accumulate(ws.Gradient, -problem.Eta, theta);
        }
        else loss = Model.LossGradientStep(theta, inputs, targets, problem.Eta, ws.Gradient, ws.Model);
        if (!double.IsFinite(loss)) return loss;

        if (s.ParameterNoise > 0)
        {
            var xi = ws.ParameterNoise.AsSpan(0, theta.Length);
            CounterRandom.Key(_parameterSeed, stream, step).Gaussians(0, xi);
            double tau = noiseSign * s.ParameterNoise;
            for (int j = 0; j < theta.Length; j++) theta[j] += tau * xi[j];
        }
        return loss;
    }

    /// <summary>
    /// Writes the clean full-data gradient <c>∇L(θ) = ∇_θ (1/2n) Σ_i (h_i − y_i)²</c> and returns <c>L(θ)</c>: the
    /// conditional mean step direction, whatever the batch size (docs/theory.md §3, Rao–Blackwell).
    /// </summary>
    public double CleanGradient(ReadOnlySpan<double> theta, Span<double> gradient, SgdWorkspace ws) =>
        Model.LossGradient(theta, Data.X, Data.Y, gradient, ws.Model);

    /// <summary>
    /// Whether a chain has blown up: a noisy loss from <see cref="Step"/> that is not finite or whose RMS residual
    /// <c>√(2·loss)</c> exceeds <see cref="SgdSettings.ResidualBound"/>, or a θ that is not finite.
    /// </summary>
    public bool IsDiverged(double loss, ReadOnlySpan<double> theta) =>
        !double.IsFinite(loss) || Math.Sqrt(2 * loss) > Settings.ResidualBound || !double.IsFinite(TensorPrimitives.Sum(theta));

    /// <summary>
    /// The targets <c>y_i + scale·ε_{k,i}</c> of the examples <paramref name="indices"/> (or 0, 1, … when empty). With
    /// σ = 0 (plain GD, the σ = 0 controls) and <c>y_i ≠ 0</c> the target is y_i bit for bit (<c>y + (±0) = y</c>), so
    /// the draw, most of a plain-GD step's cost on a cheap model, is skipped; otherwise the Gaussians are drawn several at
    /// once (<see cref="RandomKey.Gaussians(ReadOnlySpan{int}, Span{double})"/>), each with the bits of
    /// <see cref="RandomKey.Gaussian"/>.
    /// </summary>
    private void Targets(in RandomKey key, ReadOnlySpan<int> indices, double scale, Span<double> targets)
    {
        var y = Data.Y;
        if (scale == 0)
        {
            for (int r = 0; r < targets.Length; r++)
            {
                int i = indices.IsEmpty ? r : indices[r];
                targets[r] = y[i] != 0 ? y[i] : y[i] + scale * Draw(key, i);
            }
            return;
        }
        if (Settings.Problem.Noise != NoiseLaw.Gaussian)
            for (int r = 0; r < targets.Length; r++) targets[r] = key.Rademacher(indices.IsEmpty ? r : indices[r]);
        else if (indices.IsEmpty) key.Gaussians(0, targets);
        else key.Gaussians(indices, targets);
        for (int r = 0; r < targets.Length; r++) targets[r] = y[indices.IsEmpty ? r : indices[r]] + scale * targets[r];
    }

    /// <summary>
    /// The full-batch targets <c>y_i + scale·ε_{k,i}</c> from the workspace's window of the stream's steps
    /// (<see cref="KeyedGaussians.FillSteps"/>, <see cref="KeyedGaussians.StepBlock"/> steps a draw): a chain steps
    /// k = 0, 1, 2, … so the window grows by a block when k reaches its end, and the antithetic partner, which runs the
    /// same stream next in the same workspace, reads the ε its pair drew; a step outside the window starts a new one at
    /// its block. Each ε is <c>Key(noise seed, stream, k).Gaussian(i)</c> bit for bit, the value <see cref="Targets"/> draws.
    /// </summary>
    private void BlockTargets(long stream, long step, double scale, Span<double> targets, SgdWorkspace ws)
    {
        int n = targets.Length, block = KeyedGaussians.StepBlock;
        long offset = step - ws.LabelNoiseFirst;
        if (ws.LabelNoiseStream != stream || offset < 0 || offset >= ws.LabelNoiseSteps)
        {
            bool extends = ws.LabelNoiseStream == stream && offset == ws.LabelNoiseSteps
                && (ws.LabelNoiseSteps + block) * n <= ws.LabelNoise.Length;
            if (!extends) (ws.LabelNoiseStream, ws.LabelNoiseFirst, ws.LabelNoiseSteps) = (stream, step - step % block, 0);
            KeyedGaussians.FillSteps(_noiseSeed, stream, ws.LabelNoiseFirst + ws.LabelNoiseSteps, n,
                ws.LabelNoise.AsSpan(ws.LabelNoiseSteps * n, block * n));
            ws.LabelNoiseSteps += block;
            offset = step - ws.LabelNoiseFirst;
        }
        var noise = ws.LabelNoise.AsSpan((int)offset * n, n);
        var y = Data.Y;
        for (int r = 0; r < n; r++) targets[r] = y[r] + scale * noise[r];
    }

    private double Draw(in RandomKey key, int index) =>
        Settings.Problem.Noise == NoiseLaw.Gaussian ? key.Gaussian(index) : key.Rademacher(index);
}
