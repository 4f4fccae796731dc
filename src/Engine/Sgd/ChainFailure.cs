namespace NoiseDrift.Engine.Sgd;

/// <summary>Carries a chain's failure out of the parallel loop with its chain number, so the lowest one is reported.</summary>
internal sealed class ChainFailure(int chain, Exception inner) : Exception(inner.Message, inner)
{
    public int Chain { get; } = chain;
}
