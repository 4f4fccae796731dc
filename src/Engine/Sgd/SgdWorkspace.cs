using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// Per-chain scratch for <see cref="LabelNoiseSgd"/>: the model workspace and the gathered batch. One per thread;
/// reusing it makes a step allocation-free.
/// </summary>
public sealed class SgdWorkspace
{
    internal SgdWorkspace(Model model, int count, int batch)
    {
        Model = model.CreateWorkspace(count);
        BatchInputs = new double[batch * model.InputDimension];
        Targets = new double[count];
        Gradient = new double[model.ParameterCount];
        CleanGradient = new double[model.ParameterCount];
        Indices = new int[count];
        ParameterNoise = new double[model.ParameterCount];
        LabelNoise = new double[KeyedGaussians.StepBlock * count];
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
    /// The full-batch label noise <c>ε_{k,i}</c> of <see cref="KeyedGaussians.StepBlock"/> consecutive steps of one
    /// stream (<see cref="LabelNoiseStream"/>, from step <see cref="LabelNoiseFirst"/>), step-major, drawn at once.
    /// </summary>
    internal double[] LabelNoise { get; }

    /// <summary>The stream whose steps <see cref="LabelNoise"/> holds.</summary>
    internal long LabelNoiseStream { get; set; }

    /// <summary>The first step <see cref="LabelNoise"/> holds; −1 while it holds none.</summary>
    internal long LabelNoiseFirst { get; set; } = -1;
}
