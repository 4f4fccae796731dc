using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// Per-chain scratch for <see cref="LabelNoiseSgd"/>: the model workspace and the gathered batch. One per thread;
/// reusing it makes a step allocation-free.
/// </summary>
public sealed class SgdWorkspace
{
    internal SgdWorkspace(Model model, int count, int batch, int noiseSteps = KeyedGaussians.StepBlock)
    {
        Model = model.CreateWorkspace(count);
        BatchInputs = new double[batch * model.InputDimension];
        Targets = new double[count];
        Gradient = new double[model.ParameterCount];
        CleanGradient = new double[model.ParameterCount];
        Indices = new int[count];
        ParameterNoise = new double[model.ParameterCount];
        int blocks = Math.Clamp((noiseSteps + KeyedGaussians.StepBlock - 1) / KeyedGaussians.StepBlock, 1,
            Math.Max(1, MaxNoiseDoubles / (KeyedGaussians.StepBlock * count)));
        LabelNoise = new double[blocks * KeyedGaussians.StepBlock * count];
    }

    /// <summary>The model's own scratch, sized for all n rows (the clean gradient needs them).</summary>
    internal Workspace Model { get; }

    /// <summary>The rows of the batch, gathered contiguously (<c>B × d</c>).</summary>
    internal double[] BatchInputs { get; }

    /// <summary>Noisy targets <c>y_i + ε_{k,i}</c>, length n.</summary>
    internal double[] Targets { get; }

    /// <summary>The step direction, length p.</summary>
    internal double[] Gradient { get; }

    /// <summary>The clean full-data gradient, length p.</summary>
    internal double[] CleanGradient { get; }

    /// <summary>Index scratch for the batch sampler, length n.</summary>
    internal int[] Indices { get; }

    /// <summary>The parameter noise <c>ξ_k</c> of the control, length p.</summary>
    internal double[] ParameterNoise { get; }

    /// <summary>
    /// The most doubles <see cref="LabelNoise"/> holds beyond one block: 2¹⁶ (512 KiB), 21 840 steps at n = 3, a whole
    /// chain of the check battery's cases, so an antithetic partner reads the ε its pair drew.
    /// </summary>
    internal const int MaxNoiseDoubles = 1 << 16;

    /// <summary>
    /// The full-batch label noise <c>ε_{k,i}</c> of one stream (<see cref="LabelNoiseStream"/>) for the steps
    /// <see cref="LabelNoiseFirst"/> to <c>LabelNoiseFirst + LabelNoiseSteps − 1</c>, step-major, drawn a block of
    /// <see cref="KeyedGaussians.StepBlock"/> steps at a time.
    /// </summary>
    internal double[] LabelNoise { get; }

    /// <summary>The stream whose steps <see cref="LabelNoise"/> holds.</summary>
    internal long LabelNoiseStream { get; set; }

    /// <summary>The first step <see cref="LabelNoise"/> holds (a multiple of <see cref="KeyedGaussians.StepBlock"/>).</summary>
    internal long LabelNoiseFirst { get; set; }

    /// <summary>The steps <see cref="LabelNoise"/> holds; 0 while it holds none.</summary>
    internal int LabelNoiseSteps { get; set; }
}
