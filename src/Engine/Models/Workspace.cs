namespace NoiseDrift.Engine.Models;

/// <summary>
/// Per-thread scratch memory for one model. Create one per thread with <see cref="Model.CreateWorkspace"/> and reuse
/// it: hot paths then allocate nothing. A workspace is never shared between threads.
/// </summary>
public class Workspace
{
    public Workspace(int parameterCount, int maxRows)
    {
        MaxRows = maxRows;
        Gradient = new double[parameterCount];
        Product = new double[parameterCount];
        Outputs = new double[maxRows];
    }

    /// <summary>The largest batch the workspace can hold.</summary>
    public int MaxRows { get; }

    /// <summary>Scratch for one per-example gradient, length p.</summary>
    public double[] Gradient { get; }

    /// <summary>Scratch for one Hessian-vector product, length p.</summary>
    public double[] Product { get; }

    /// <summary>Scratch for a batch of outputs, length <see cref="MaxRows"/>.</summary>
    public double[] Outputs { get; }
}
