using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// Multilayer perceptron with scalar output: <c>a_ℓ = φ_ℓ(W_ℓ a_{ℓ−1} + b_ℓ)</c> for hidden layers ℓ = 1..L
/// (<c>a_0 = x</c>), then <c>h = aᵀ a_L + c</c> (docs/theory.md §1; docs/design.md "Models").
/// <para>
/// Parameter order (the conventional <c>Linear</c> order): for each hidden layer from the input up, <c>W_ℓ</c>
/// (out × in, row-major) then <c>b_ℓ</c>; then the output weights <c>a</c> (length of the last hidden layer); then the
/// output bias <c>c</c> when <see cref="OutputBias"/> is set.
/// </para>
/// Derivatives are exact: batched reverse mode for gradients, per-example norms for <c>reg</c>
/// (<c>||∂h/∂W_ℓ||² = ||δ_ℓ||² ||a_{ℓ−1}||²</c>), a hand-written double backward for <c>∇reg</c>, and Pearlmutter's
/// R-operator for <c>H v</c>. ReLU at exactly 0 has derivative 0.
/// </summary>
public sealed partial class Mlp : Model
{
    /// <summary>The deepest network accepted (docs/design.md: 1 to 6 hidden layers).</summary>
    public const int MaxDepth = 6;

    private readonly int[] _sizes;
    private readonly ActivationKind[] _activations;
    private readonly int[] _weightOffset;
    private readonly int[] _biasOffset;
    private readonly int _outputOffset;
    private readonly int _parameterCount;

    public Mlp(int inputDimension, IReadOnlyList<int> hidden, IReadOnlyList<ActivationKind> activations, bool outputBias = true)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(activations);
        Guard.Positive(inputDimension, "input");
        if (hidden.Count is < 1 or > MaxDepth)
            throw new InvalidInputException("hidden", $"has {hidden.Count} layers; 1 to {MaxDepth} are supported");
        if (activations.Count != hidden.Count)
            throw new InvalidInputException("activations",
                $"has {activations.Count} entries but hidden has {hidden.Count} layers");
        for (int l = 0; l < hidden.Count; l++) Guard.Positive(hidden[l], $"hidden[{l}]");

        _sizes = [inputDimension, .. hidden];
        _activations = [.. activations];
        OutputBias = outputBias;
        _weightOffset = new int[hidden.Count];
        _biasOffset = new int[hidden.Count];
        long offset = 0;
        for (int l = 0; l < hidden.Count; l++)
        {
            _weightOffset[l] = (int)offset;
            offset += (long)_sizes[l + 1] * _sizes[l];
            _biasOffset[l] = (int)Math.Min(offset, int.MaxValue);
            offset += _sizes[l + 1];
            if (offset > Array.MaxLength) throw TooLarge(offset);
        }
        _outputOffset = (int)offset;
        long count = offset + hidden[^1] + (outputBias ? 1 : 0);
        if (count > Array.MaxLength) throw TooLarge(count);
        _parameterCount = (int)count;
    }

    /// <summary>Sizes are summed in 64 bits: a p beyond what an array holds is refused, never wrapped around.</summary>
    private InvalidInputException TooLarge(long parameters) => new("hidden",
        $"gives p ≥ {parameters} parameters (input {_sizes[0]}, widths [{string.Join(", ", _sizes.Skip(1))}]), " +
        $"more than the {Array.MaxLength} numbers an array can hold");

    /// <summary>Two-layer 1-D ReLU network with output bias (docs/theory.md §4.2). θ = (w (m), b (m), a (m), c).</summary>
    public static Mlp Relu1D(int width) => new(1, [width], [ActivationKind.Relu]);

    /// <summary>Two-layer logistic network without output bias (docs/theory.md §4.3). θ = (W (m×d), b (m), a (m)).</summary>
    public static Mlp TwoLayerSigmoid(int inputDimension, int width) =>
        new(inputDimension, [width], [ActivationKind.Logistic], outputBias: false);

    public override int ParameterCount => _parameterCount;

    public override int InputDimension => _sizes[0];

    /// <summary>Hidden-layer widths, input side first.</summary>
    public IReadOnlyList<int> Hidden => _sizes[1..];

    /// <summary>Hidden-layer activations, input side first.</summary>
    public IReadOnlyList<ActivationKind> Activations => _activations;

    /// <inheritdoc/>
    public override bool IsSmooth => _activations.All(Activation.IsSmooth);

    /// <summary>Whether the output has a bias <c>c</c>.</summary>
    public bool OutputBias { get; }

    /// <summary>Number of hidden layers L.</summary>
    public int Depth => _activations.Length;

    /// <summary>Offset of <c>W_ℓ</c> (ℓ = 0 is the first hidden layer) in θ.</summary>
    public int WeightOffset(int layer) => _weightOffset[layer];

    /// <summary>Offset of <c>b_ℓ</c> in θ.</summary>
    public int BiasOffset(int layer) => _biasOffset[layer];

    /// <summary>Offset of the output weights <c>a</c> in θ; the output bias, if any, follows them.</summary>
    public int OutputOffset => _outputOffset;

    /// <summary>The output layer <c>a</c> (and <c>c</c>): h is linear in it.</summary>
    public override (int Offset, int Count) AffineBlock => (_outputOffset, _parameterCount - _outputOffset);

    public override string Describe() =>
        $"mlp {_sizes[0]}-[{string.Join(",", Hidden)}]-1 {string.Join(",", _activations.Select(Activation.NameOf))}" +
        (OutputBias ? "" : " no-output-bias");

    public override Workspace CreateWorkspace(int maxRows) => new MlpWorkspace(this, Math.Max(1, maxRows));

    /// <summary>The hidden units, summed in 64 bits.</summary>
    protected override long WorkspaceUnits => Hidden.Sum(w => (long)w);

    internal int Size(int index) => _sizes[index];

    private MlpWorkspace Check(ReadOnlySpan<double> theta, Workspace ws, int rows)
    {
        if (theta.Length != _parameterCount) Guard.Length(theta.Length, _parameterCount, "theta");
        Guard.FiniteFast(theta, "theta");
        if (ws is not MlpWorkspace w || !ReferenceEquals(w.Model, this))
            throw new InvalidInputException("workspace", "was not created by this model (use model.CreateWorkspace)");
        if (rows > w.MaxRows)
            throw new InvalidInputException("x", $"has {rows} rows but the workspace holds {w.MaxRows}");
        return w;
    }

    private int CheckedRows(ReadOnlySpan<double> x)
    {
        int m = Rows(x);
        Guard.FiniteFast(x, "x");
        return m;
    }
}
