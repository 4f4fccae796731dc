namespace NoiseDrift.Engine.Sgd;

/// <summary>How <see cref="ChainEnsemble.Run"/> advances its chains; every kernel gives the same result.</summary>
public enum ChainKernel
{
    /// <summary>
    /// Chains in SIMD blocks where the model allows it (MLPs on any SIMD machine: eight per block with AVX-512, four with
    /// AVX2, two with SSE or AdvSimd) and it is faster (narrow layers), else one by one.
    /// </summary>
    Auto,

    /// <summary>One chain at a time with <see cref="LabelNoiseSgd.Step"/>: the reference.</summary>
    PerChain,

    /// <summary>Chains in SIMD blocks (<see cref="ChainBlocks"/>); refused when the model or machine cannot.</summary>
    Batched,
}
