using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// A feed-forward network of any connectivity: skip connections, unequal fan-in, one activation per neuron
/// (docs/theory.md §1: the theory holds for any architecture; docs/design.md "Models").
/// <para>
/// Nodes <c>0..d−1</c> are the inputs and node <c>d+j</c> is neuron j, with value
/// <c>a_{d+j} = φ_j(z_j)</c>, <c>z_j = Σ_s w_{j,s} a_s + b_j</c>. Neurons are in topological order: every source of
/// neuron j is a node index below <c>d+j</c>. The last neuron is the output <c>h(x; θ)</c>.
/// </para>
/// <para>
/// Parameter order: for each neuron j in order, its weights <c>w_{j,s}</c> in the order of its
/// <see cref="DagNeuron.Sources"/> list, then its bias <c>b_j</c>; so <c>p = Σ_j (|Sources_j| + 1)</c>
/// (see <see cref="WeightIndex"/> and <see cref="BiasIndex"/>).
/// </para>
/// <para>
/// Derivatives are exact: reverse mode for <c>g = ∇_θ h</c>, forward-over-reverse (Pearlmutter's R-operator) for
/// <c>H v</c>. The per-example entry points check the lengths of θ, x, v and the output span, and scan θ and x for
/// NaN or ∞ cheaply on every call (one SIMD sum).
/// </para>
/// </summary>
public sealed class DagNetwork : Model
{
    private readonly int _inputs;
    private readonly ActivationKind[] _activations;
    private readonly int[] _edgeStart; // neuron j's sources are _sources[_edgeStart[j] .. _edgeStart[j + 1])
    private readonly int[] _sources;
    private readonly DagNeuron[] _neurons;
    private readonly bool _hasSkip;

    /// <summary>
    /// Builds the network from neurons given in topological order (docs/theory.md §1). Throws
    /// <see cref="InvalidInputException"/> naming the field (e.g. <c>neurons[3].sources[1]</c>) for a non-positive
    /// input dimension, no neurons, a neuron without sources, a source out of range or not earlier than its neuron,
    /// or a duplicate source.
    /// </summary>
    public DagNetwork(int inputDimension, IReadOnlyList<DagNeuron> neurons)
    {
        Guard.Positive(inputDimension, "inputDimension");
        if (neurons is null || neurons.Count == 0)
            throw new InvalidInputException("neurons", $"must hold at least one neuron, got {neurons?.Count ?? 0}");
        _inputs = inputDimension;
        int n = neurons.Count;
        _activations = new ActivationKind[n];
        _edgeStart = new int[n + 1];
        _neurons = new DagNeuron[n];
        var sources = new List<int>();
        for (int j = 0; j < n; j++)
        {
            var neuron = neurons[j] ?? throw new InvalidInputException($"neurons[{j}]", "is missing");
            int[] own = ValidatedSources(neuron, j);
            _activations[j] = neuron.Activation;
            _neurons[j] = neuron with { Sources = Array.AsReadOnly(own) };
            sources.AddRange(own);
            _edgeStart[j + 1] = sources.Count;
        }
        _sources = sources.ToArray();
        _hasSkip = HasSkip();
    }

    /// <summary>
    /// Builds a network from an edge list with neurons in any order (docs/theory.md §1, "any connectivity"). Node ids:
    /// inputs <c>0..d−1</c>, given neuron j is node <c>d+j</c>; an edge <c>(From, To)</c> feeds node From into
    /// neuron To, and a neuron's weights follow the order of its incoming edges in the list.
    /// <para>
    /// The neurons are sorted topologically (Kahn's algorithm, smallest ready id first, so an order that is already
    /// topological is kept). The last given neuron stays the output and must have no outgoing edges. When sorting
    /// moves neurons, the parameter order follows the sorted order; use the overload with <c>neuronOrder</c> to map
    /// positions back to the given ids. A cycle throws, naming a node on it.
    /// </para>
    /// </summary>
    public static DagNetwork FromEdges(int inputDimension, IReadOnlyList<ActivationKind> activations,
        IReadOnlyList<(int From, int To)> edges) =>
        FromEdges(inputDimension, activations, edges, out _);

    /// <summary>
    /// As <see cref="FromEdges(int, IReadOnlyList{ActivationKind}, IReadOnlyList{ValueTuple{int, int}})"/>; also
    /// returns <paramref name="neuronOrder"/>: position k of the built network holds given neuron
    /// <c>neuronOrder[k]</c> (docs/theory.md §1).
    /// </summary>
    public static DagNetwork FromEdges(int inputDimension, IReadOnlyList<ActivationKind> activations,
        IReadOnlyList<(int From, int To)> edges, out int[] neuronOrder) =>
        new(inputDimension, DagTopology.Sort(inputDimension, activations, edges, out neuronOrder));

    /// <inheritdoc/>
    public override int ParameterCount => _sources.Length + _neurons.Length;

    /// <inheritdoc/>
    public override int InputDimension => _inputs;

    /// <summary>The default loss gradient and step, one reverse pass per row: both targets share it.</summary>
    protected internal override bool SharesRowGradients => true;

    /// <summary>The neurons in topological order; the last one is the output.</summary>
    public IReadOnlyList<DagNeuron> Neurons => _neurons;

    /// <inheritdoc/>
    public override bool IsSmooth => _neurons.All(n => Activation.IsSmooth(n.Activation));

    /// <summary>The index in θ of the weight on source number <paramref name="sourcePosition"/> of neuron j.</summary>
    public int WeightIndex(int neuron, int sourcePosition) => _edgeStart[neuron] + neuron + sourcePosition;

    /// <summary>The index in θ of the bias of neuron j.</summary>
    public int BiasIndex(int neuron) => _edgeStart[neuron + 1] + neuron;

    /// <summary>E.g. <c>dag 3-in 7-neurons skip</c>; <c>skip</c> appears when an edge jumps over a layer.</summary>
    public override string Describe() =>
        $"dag {_inputs}-in {_neurons.Length}-neurons" + (_hasSkip ? " skip" : "");

    /// <inheritdoc/>
    public override Workspace CreateWorkspace(int maxRows) =>
        new DagWorkspace(ParameterCount, maxRows, _inputs + _neurons.Length, _neurons.Length);

    /// <summary>One unit per neuron.</summary>
    protected override long WorkspaceUnits => _neurons.Length;

    /// <summary><c>h(x; θ)</c>, one forward pass over the DAG (docs/theory.md §1).</summary>
    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws)
    {
        CheckShapes(theta, x);
        return Forward(theta, x, Scratch(ws));
    }

    /// <summary>
    /// <c>g = ∇_θ h(x; θ)</c> by reverse mode (docs/theory.md §1): <c>z̄_j = ā_{d+j} φ'_j</c>, <c>∂h/∂w_{j,s} = z̄_j a_s</c>,
    /// <c>∂h/∂b_j = z̄_j</c>, <c>ā_s += z̄_j w_{j,s}</c>. Returns h.
    /// </summary>
    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        CheckShapes(theta, x);
        Guard.Length(gradient.Length, ParameterCount, "gradient");
        var s = Scratch(ws);
        double h = Forward(theta, x, s);
        double[] a = s.Value, adjoint = s.Adjoint;
        Array.Clear(adjoint);
        adjoint[^1] = 1;
        for (int j = _neurons.Length - 1; j >= 0; j--)
        {
            double zBar = adjoint[_inputs + j] * s.Slope[j];
            int e1 = _edgeStart[j + 1];
            gradient[e1 + j] = zBar;
            for (int e = _edgeStart[j]; e < e1; e++)
            {
                int source = _sources[e];
                gradient[e + j] = zBar * a[source];
                adjoint[source] += zBar * theta[e + j];
            }
        }
        return h;
    }

    /// <summary>
    /// <c>H v = ∇²_θ h(x; θ) v</c> by forward-over-reverse (docs/theory.md §1): a forward tangent pass
    /// <c>ż_j = Σ_s (v_{w_{j,s}} a_s + w_{j,s} ȧ_s) + v_{b_j}</c>, <c>ȧ_{d+j} = φ'_j ż_j</c>, then the reverse pass
    /// together with its tangent <c>ż̄_j = (ā_{d+j})˙ φ'_j + ā_{d+j} φ''_j ż_j</c>, giving
    /// <c>(Hv)_{w_{j,s}} = ż̄_j a_s + z̄_j ȧ_s</c> and <c>(Hv)_{b_j} = ż̄_j</c>.
    /// </summary>
    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws)
    {
        CheckShapes(theta, x);
        Guard.Length(v.Length, ParameterCount, "v");
        Guard.Length(product.Length, ParameterCount, "product");
        var s = Scratch(ws);
        Forward(theta, x, s);
        double[] a = s.Value, tangent = s.Tangent, zDot = s.PreActivationTangent;
        Array.Clear(tangent, 0, _inputs);
        for (int j = 0; j < _neurons.Length; j++)
        {
            int e1 = _edgeStart[j + 1];
            double dz = v[e1 + j];
            for (int e = _edgeStart[j]; e < e1; e++)
            {
                int source = _sources[e];
                dz += v[e + j] * a[source] + theta[e + j] * tangent[source];
            }
            zDot[j] = dz;
            tangent[_inputs + j] = s.Slope[j] * dz;
        }

        double[] adjoint = s.Adjoint, adjointDot = s.TangentAdjoint;
        Array.Clear(adjoint);
        Array.Clear(adjointDot);
        adjoint[^1] = 1;
        for (int j = _neurons.Length - 1; j >= 0; j--)
        {
            int node = _inputs + j;
            double zBar = adjoint[node] * s.Slope[j];
            double zBarDot = adjointDot[node] * s.Slope[j] + adjoint[node] * s.Curvature[j] * zDot[j];
            int e1 = _edgeStart[j + 1];
            product[e1 + j] = zBarDot;
            for (int e = _edgeStart[j]; e < e1; e++)
            {
                int source = _sources[e];
                double w = theta[e + j];
                product[e + j] = zBarDot * a[source] + zBar * tangent[source];
                adjoint[source] += zBar * w;
                adjointDot[source] += zBarDot * w + zBar * v[e + j];
            }
        }
    }

    /// <summary>Fills node values, φ' and φ'' per neuron; returns the output.</summary>
    private double Forward(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, DagWorkspace s)
    {
        double[] a = s.Value;
        x.CopyTo(a);
        for (int j = 0; j < _neurons.Length; j++)
        {
            int e1 = _edgeStart[j + 1];
            double z = theta[e1 + j];
            for (int e = _edgeStart[j]; e < e1; e++) z += theta[e + j] * a[_sources[e]];
            Activation.Evaluate(_activations[j], z, out a[_inputs + j], out s.Slope[j], out s.Curvature[j]);
        }
        return a[^1];
    }

    private void CheckShapes(ReadOnlySpan<double> theta, ReadOnlySpan<double> x)
    {
        Guard.Length(theta.Length, ParameterCount, "theta");
        Guard.FiniteFast(theta, "theta");
        Guard.Length(x.Length, _inputs, "x");
        Guard.FiniteFast(x, "x");
    }

    private DagWorkspace Scratch(Workspace ws) =>
        ws is DagWorkspace s && s.Value.Length == _inputs + _neurons.Length && s.Slope.Length == _neurons.Length
            && s.Gradient.Length == ParameterCount
            ? s
            : throw new InvalidInputException("ws",
                $"is a {ws?.GetType().Name ?? "null"} not made for {Describe()}; create it with CreateWorkspace");

    private int[] ValidatedSources(DagNeuron neuron, int j)
    {
        string field = $"neurons[{j}]";
        if (!Enum.IsDefined(neuron.Activation))
            throw new InvalidInputException($"{field}.activation", $"unknown activation value {(int)neuron.Activation}");
        if (neuron.Sources is null || neuron.Sources.Count == 0)
            throw new InvalidInputException($"{field}.sources",
                $"must list at least one source node, got {neuron.Sources?.Count ?? 0}");
        int node = _inputs + j;
        var own = new int[neuron.Sources.Count];
        var seen = new Dictionary<int, int>();
        for (int k = 0; k < own.Length; k++)
        {
            int source = neuron.Sources[k];
            string at = $"{field}.sources[{k}]";
            if (source < 0)
                throw new InvalidInputException(at, $"node {source} does not exist; node indices start at 0");
            if (source >= node)
                throw new InvalidInputException(at,
                    $"node {source} is not earlier than neuron {j} (node {node}); an edge from it would break the " +
                    $"topological order and could form a cycle (sources must lie in 0..{node - 1})");
            if (!seen.TryAdd(source, k))
                throw new InvalidInputException(at, $"node {source} is listed twice (also at sources[{seen[source]}])");
            own[k] = source;
        }
        return own;
    }

    /// <summary>True when some edge jumps over a layer (layer = longest path from the inputs).</summary>
    private bool HasSkip()
    {
        var depth = new int[_inputs + _neurons.Length];
        bool skip = false;
        for (int j = 0; j < _neurons.Length; j++)
        {
            int deepest = 0;
            for (int e = _edgeStart[j]; e < _edgeStart[j + 1]; e++) deepest = Math.Max(deepest, depth[_sources[e]]);
            depth[_inputs + j] = deepest + 1;
            for (int e = _edgeStart[j]; e < _edgeStart[j + 1]; e++) skip |= depth[_sources[e]] < deepest;
        }
        return skip;
    }
}
