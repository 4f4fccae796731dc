namespace NoiseDrift.Engine.Models;

/// <summary>
/// Per-thread node buffers of one <see cref="DagNetwork"/>, so that value, gradient and Hessian-vector product
/// (docs/theory.md §1: <c>g_i</c>, <c>H_i v</c>) allocate nothing per example.
/// </summary>
internal sealed class DagWorkspace : Workspace
{
    public DagWorkspace(int parameterCount, int maxRows, int nodeCount, int neuronCount)
        : base(parameterCount, maxRows)
    {
        Value = new double[nodeCount];
        Adjoint = new double[nodeCount];
        Tangent = new double[nodeCount];
        TangentAdjoint = new double[nodeCount];
        Slope = new double[neuronCount];
        Curvature = new double[neuronCount];
        PreActivationTangent = new double[neuronCount];
    }

    /// <summary>Node values <c>a</c>: the inputs, then the neuron outputs.</summary>
    public double[] Value { get; }

    /// <summary>Reverse-mode adjoints <c>∂h/∂a</c> per node.</summary>
    public double[] Adjoint { get; }

    /// <summary>Forward tangents <c>ȧ = (∂a/∂θ) v</c> per node (zero on the inputs).</summary>
    public double[] Tangent { get; }

    /// <summary>Tangents of the adjoints, <c>(d/dε) ∂h/∂a (θ + εv)</c>, per node.</summary>
    public double[] TangentAdjoint { get; }

    /// <summary><c>φ'(z_j)</c> per neuron.</summary>
    public double[] Slope { get; }

    /// <summary><c>φ''(z_j)</c> per neuron.</summary>
    public double[] Curvature { get; }

    /// <summary>Pre-activation tangents <c>ż_j</c> per neuron.</summary>
    public double[] PreActivationTangent { get; }
}
