using NoiseDrift.Engine.Lanes;

namespace NoiseDrift.Engine.Sgd;

/// <summary>How <see cref="ChainEnsemble.Run"/> advances its chains; every kernel gives the same result.</summary>
public enum ChainKernel
{
    /// <summary>
    /// Eight chains per SIMD block where the model allows it (MLPs on any SIMD machine) and it is faster (narrow layers), else
    /// one by one.
    /// </summary>
    Auto,

    /// <summary>One chain at a time with <see cref="LabelNoiseSgd.Step"/>: the reference.</summary>
    PerChain,

    /// <summary>Eight chains per SIMD block (<see cref="ChainBlockRun"/>); refused when the model or machine cannot.</summary>
    Batched,
}
