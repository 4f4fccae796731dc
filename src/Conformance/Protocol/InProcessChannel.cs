using System.Text.Json;
using System.Text.Json.Nodes;

namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// Speaks the protocol of docs/conformance.md §2 with an in-process <see cref="IConformanceImplementation"/>: each request
/// becomes a method call and each result the response object a program would print, so the same checks judge both
/// routes. An exception thrown by the implementation counts as a crash.
/// </summary>
public sealed class InProcessChannel(IConformanceImplementation implementation) : IImplementationChannel
{
    /// <inheritdoc/>
    public (JsonObject Response, string Line) Exchange(ProtocolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonObject response;
        try
        {
            response = Respond(request);
        }
        catch (Exception e) when (e is not ProtocolViolationException)
        {
            throw new ProtocolViolationException($"{implementation.Name} threw {e.GetType().Name} on request {request.Id} ({request.Op}): {e.Message}",
                request.Line);
        }
        response["id"] = request.Id;
        return (response, Show(response));
    }

    /// <inheritdoc/>
    public void Close()
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private JsonObject Respond(ProtocolRequest request)
    {
        var input = request.Input;
        if (request.Op == "hello")
        {
            return new JsonObject
            {
                ["ok"] = true,
                ["name"] = implementation.Name,
                ["ops"] = Strings(implementation.Ops),
                ["models"] = Strings(implementation.Models),
            };
        }
        ArgumentNullException.ThrowIfNull(input);
        switch (request.Op)
        {
            case "forward":
                return new JsonObject { ["h"] = Vector(implementation.Forward(input)) };
            case "jacobian":
                var (h, jacobian) = implementation.Jacobian(input);
                return new JsonObject { ["h"] = Vector(h), ["jacobian"] = Matrix(jacobian) };
            case "reg":
                return new JsonObject { ["reg"] = JsonValue.Create(implementation.Reg(input)) };
            case "grad_reg":
                var (reg, gradient) = implementation.GradReg(input);
                return new JsonObject { ["reg"] = JsonValue.Create(reg), ["grad_reg"] = Vector(gradient) };
            case "hvp":
                return new JsonObject { ["hvp"] = Matrix(implementation.Hvp(input)) };
            case "sgd_step":
                return new JsonObject { ["theta"] = Vector(implementation.SgdStep(input)) };
            case "run":
                return new JsonObject { ["theta"] = Matrix(implementation.Run(input)) };
            default:
                throw new ProtocolViolationException($"unknown op {request.Op}", request.Line);
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static JsonArray? Vector(double[]? values) =>
        values is null ? null : new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static JsonArray? Matrix(double[][]? rows) =>
        rows is null ? null : new JsonArray(rows.Select(r => (JsonNode?)Vector(r)).ToArray());

    /// <summary>The response as a line for quoting; non-finite numbers, which JSON cannot hold, show as NaN/Infinity.</summary>
    private static string Show(JsonObject response)
    {
        try
        {
            return response.ToJsonString(new JsonSerializerOptions
            {
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            });
        }
        catch (ArgumentException)
        {
            return "(a response with a non-finite number)";
        }
    }
}
