using System.Text.Json.Nodes;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Conformance.Own;

/// <summary>
/// The requests on an implementation's own model (docs/conformance.md, section 3): each op sends
/// <c>"model": {"kind": "own"}</c> and θ, never inputs or labels. An <c>error</c> answer is an
/// <see cref="ImplementationErrorException"/> carrying the program's message; a broken protocol is a
/// <see cref="ProtocolViolationException"/>.
/// </summary>
public sealed class OwnClient
{
    private readonly IImplementationChannel _channel;
    private int _id;

    private OwnClient(IImplementationChannel channel, OwnModel model, IReadOnlySet<string> ops, int id)
    {
        _channel = channel;
        Model = model;
        Ops = ops;
        _id = id;
    }

    /// <summary>The model as described in <c>hello</c>.</summary>
    public OwnModel Model { get; }

    /// <summary>The ops the program offers.</summary>
    public IReadOnlySet<string> Ops { get; }

    /// <summary>Says <c>hello</c> and reads the own model's description.</summary>
    public static OwnClient Open(IImplementationChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var hello = new ProtocolRequest(1, "hello", null);
        var (response, line) = channel.Exchange(hello);
        var reader = new ResponseReader(response, line, hello.Id);
        if (reader.Error is { } error) throw new ImplementationErrorException("hello", error);
        if (!reader.Boolean("ok")) throw new ProtocolViolationException("hello answered ok: false", line);
        var ops = reader.Strings("ops").ToHashSet();
        return new OwnClient(channel, OwnModel.FromHello(response, line, hello.Id), ops, hello.Id);
    }

    /// <summary><c>h(x_i; θ)</c> for the program's n examples.</summary>
    public double[] Forward(double[] theta) => Ask("forward", theta).Vector("h", Model.Count);

    /// <summary>The outputs and J (row-major n × p).</summary>
    public (double[] H, double[] Jacobian) Jacobian(double[] theta)
    {
        var reader = Ask("jacobian", theta);
        var h = reader.Vector("h", Model.Count);
        return (h, reader.Matrix("jacobian", Model.Count, Model.ParameterCount).SelectMany(r => r).ToArray());
    }

    /// <summary>The rows <c>H_i v</c> (n × p).</summary>
    public double[][] Hvp(double[] theta, double[] v) =>
        Ask("hvp", theta, new JsonObject { ["v"] = Array(v) }).Matrix("hvp", Model.Count, Model.ParameterCount);

    /// <summary><c>reg(θ) = (1/n) Σ ‖g_i‖²</c>.</summary>
    public double Reg(double[] theta) => Ask("reg", theta).Number("reg");

    /// <summary><c>reg</c> and <c>∇reg</c>.</summary>
    public (double Reg, double[] Gradient) GradReg(double[] theta)
    {
        var reader = Ask("grad_reg", theta);
        return (reader.Number("reg"), reader.Vector("grad_reg", Model.ParameterCount));
    }

    /// <summary>
    /// K steps of C chains of label-noise SGD from θ; row c of the answer is <c>D (θ_K^c − θ)</c> for the rows of
    /// <paramref name="directions"/> (m × p).
    /// </summary>
    public double[][] Run(double[] theta, SgdProblem sgd, int steps, int chains, long seed, double[][] directions)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        ArgumentNullException.ThrowIfNull(directions);
        var fields = new JsonObject
        {
            ["eta"] = sgd.Eta,
            ["sigma"] = sgd.Sigma,
            ["batch"] = sgd.Batch,
            ["law"] = "gaussian",
            ["steps"] = steps,
            ["chains"] = chains,
            ["seed"] = seed,
            ["directions"] = new JsonArray(directions.Select(d => (JsonNode)Array(d)).ToArray()),
        };
        return Ask("run", theta, fields).Matrix("projections", chains, directions.Length);
    }

    /// <summary>Sends <c>bye</c>.</summary>
    public void Close() => _channel.Close();

    private ResponseReader Ask(string op, double[] theta, JsonObject? extra = null)
    {
        var fields = new JsonObject { ["model"] = OwnModel.ModelField, ["theta"] = Array(theta) };
        if (extra is not null)
            foreach (var (name, value) in extra) fields[name] = value?.DeepClone();
        var request = new ProtocolRequest(++_id, op, null) { Fields = fields };
        var (response, line) = _channel.Exchange(request);
        var reader = new ResponseReader(response, line, request.Id);
        if (reader.Error is { } error) throw new ImplementationErrorException(op, error);
        return reader;
    }

    private static JsonArray Array(double[] values) => new(values.Select(v => (JsonNode)v).ToArray());
}
