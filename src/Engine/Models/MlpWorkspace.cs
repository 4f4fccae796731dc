namespace NoiseDrift.Engine.Models;

/// <summary>
/// Scratch memory of an <see cref="Mlp"/>: per hidden layer ℓ, row-major <c>rows × width_ℓ</c> blocks for the
/// pre-activations Z, activations A, φ', φ'', the backward signals U (before φ') and Δ (after φ'), and the adjoints of
/// the double backward; plus the transposed weights. One per thread; nothing is allocated after construction.
/// </summary>
public sealed class MlpWorkspace : Workspace
{
    internal MlpWorkspace(Mlp model, int maxRows, bool half = false) : base(model.ParameterCount, maxRows)
    {
        Model = model;
        if (!half && model.SplitsRows(maxRows))
        {
            Half = new MlpWorkspace(model, maxRows - maxRows / 2, half: true);
            Work = new Mlp.RowHalf(model, Half);
        }
        if (!half && model.SplitsHessianVector) Tangent = new Mlp.TangentHalves(model, this);
        int depth = model.Depth;
        double[][] Block(int rows) => Enumerable.Range(0, depth).Select(l => new double[rows * model.Size(l + 1)]).ToArray();
        Z = Block(maxRows); A = Block(maxRows); D1 = Block(maxRows); D2 = Block(maxRows);
        U = Block(maxRows); Delta = Block(maxRows);
        BarDelta = Block(maxRows); BarZ = Block(maxRows); BarA = Block(maxRows);
        WeightsT = Enumerable.Range(0, depth).Select(l => new double[model.Size(l) * model.Size(l + 1)]).ToArray();
        int widest = Enumerable.Range(0, depth + 1).Max(model.Size);
        Transposed = new double[widest * maxRows];
        TransposedOut = new double[widest * maxRows];
        RowScalars = new double[maxRows];
        RowScalars2 = new double[maxRows];
        RZ = Block(1); RA = Block(1); RU = Block(1); RDelta = Block(1);
        UPart = [Block(1), Block(1)];
        RUPart = [Block(1), Block(1)];
    }

    internal Mlp Model { get; }

    /// <summary>The second half's workspace of a split batch (big models only; see Mlp.SplitsRows).</summary>
    internal MlpWorkspace? Half { get; }

    /// <summary>The reusable work item that runs the second half.</summary>
    internal Mlp.RowHalf? Work { get; }

    /// <summary>The work item that shares a Hessian-vector product between two threads (Mlp.SplitsHessianVector).</summary>
    internal Mlp.TangentHalves? Tangent { get; }
    internal double[][] Z { get; }
    internal double[][] A { get; }
    internal double[][] D1 { get; }
    internal double[][] D2 { get; }
    internal double[][] U { get; }
    internal double[][] Delta { get; }
    internal double[][] BarDelta { get; }
    internal double[][] BarZ { get; }
    internal double[][] BarA { get; }
    internal double[][] WeightsT { get; }
    internal double[] Transposed { get; }

    /// <summary>The transposed output block of an in-place weight product (Mlp.MultiplyAddWeightsT).</summary>
    internal double[] TransposedOut { get; }
    internal double[] RowScalars { get; }
    internal double[] RowScalars2 { get; }
    internal double[][] RZ { get; }
    internal double[][] RA { get; }
    internal double[][] RU { get; }
    internal double[][] RDelta { get; }

    /// <summary>The two threads' row partials of U and Ru in a split Hessian-vector product.</summary>
    internal double[][][] UPart { get; }
    internal double[][][] RUPart { get; }
}
