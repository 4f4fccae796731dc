using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Activations;

/// <summary>
/// Scalar activation rules: value, first and second derivative side by side, one case per activation
/// (in the spirit of micrograd). The span form is the hot path of the dense models.
/// </summary>
public static class Activation
{
    public const double LeakySlope = 0.01;
    internal const double GeluC = 0.7978845608028654; // √(2/π)
    internal const double GeluA = 0.044715;

    private static readonly (string Name, ActivationKind Kind)[] Names =
    [
        ("identity", ActivationKind.Identity), ("linear", ActivationKind.Identity),
        ("tanh", ActivationKind.Tanh),
        ("logistic", ActivationKind.Logistic), ("sigmoid", ActivationKind.Logistic),
        ("softplus", ActivationKind.Softplus),
        ("silu", ActivationKind.Silu), ("swish", ActivationKind.Silu),
        ("gelu", ActivationKind.Gelu),
        ("sin", ActivationKind.Sin),
        ("relu", ActivationKind.Relu),
        ("leaky_relu", ActivationKind.LeakyRelu), ("leakyrelu", ActivationKind.LeakyRelu),
        ("square", ActivationKind.Square),
    ];

    /// <summary>The canonical lower-case name used in spec files and reports.</summary>
    public static string NameOf(ActivationKind kind) => kind switch
    {
        ActivationKind.LeakyRelu => "leaky_relu",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>All activations, for generators and the CLI battery.</summary>
    public static IReadOnlyList<ActivationKind> All { get; } = Enum.GetValues<ActivationKind>();

    /// <summary>True when the second derivative is continuous (no kink), as the drift theory needs.</summary>
    public static bool IsSmooth(ActivationKind kind) =>
        kind is not (ActivationKind.Relu or ActivationKind.LeakyRelu);

    /// <summary>Parses a name such as <c>"tanh"</c>; an unknown name throws with the field and the value.</summary>
    public static ActivationKind Parse(string name, string field = "activation")
    {
        foreach (var (n, k) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return k;
        }
        throw new InvalidInputException(field,
            $"unknown activation '{name}'; expected one of {string.Join(", ", All.Select(NameOf))}");
    }

    public static double Value(ActivationKind kind, double z)
    {
        Evaluate(kind, z, out double v, out _, out _);
        return v;
    }

    /// <summary>φ(z), φ'(z) and φ''(z), exactly.</summary>
    public static void Evaluate(ActivationKind kind, double z, out double value, out double d1, out double d2)
    {
        switch (kind)
        {
            case ActivationKind.Identity:
                value = z; d1 = 1; d2 = 0; return;
            case ActivationKind.Tanh:
                {
                    double t = HyperbolicTangent.Tanh(z);
                    value = t; d1 = 1 - t * t; d2 = -2 * t * d1; return;
                }
            case ActivationKind.Logistic:
                {
                    double s = Logistic(z);
                    value = s; d1 = s * (1 - s); d2 = d1 * (1 - 2 * s); return;
                }
            case ActivationKind.Softplus:
                {
                    // e^{−|z|} once: the logistic and the value both read it. log(1 + e) as .NET's LogP1 formed it.
                    double e = Exponential.Exp(-Math.Abs(z));
                    double s = Logistic(z, e), log = NaturalLog.Log(1 + e);
                    value = z > 0 ? z + log : log;
                    d1 = s; d2 = s * (1 - s); return;
                }
            case ActivationKind.Silu:
                {
                    double s = Logistic(z), ds = s * (1 - s);
                    value = z * s; d1 = s + z * ds; d2 = ds * (2 + z * (1 - 2 * s)); return;
                }
            case ActivationKind.Gelu:
                {
                    double u = GeluC * (z + GeluA * z * z * z);
                    double du = GeluC * (1 + 3 * GeluA * z * z);
                    double d2u = GeluC * 6 * GeluA * z;
                    double t = HyperbolicTangent.Tanh(u), sech2 = 1 - t * t;
                    value = 0.5 * z * (1 + t);
                    d1 = 0.5 * (1 + t) + 0.5 * z * sech2 * du;
                    d2 = sech2 * du + 0.5 * z * (-2 * t * sech2 * du * du + sech2 * d2u);
                    return;
                }
            case ActivationKind.Sin:
                value = Math.Sin(z); d1 = Math.Cos(z); d2 = -value; return;
            case ActivationKind.Relu:
                value = z > 0 ? z : 0; d1 = z > 0 ? 1 : 0; d2 = 0; return;
            case ActivationKind.LeakyRelu:
                value = z > 0 ? z : LeakySlope * z; d1 = z > 0 ? 1 : LeakySlope; d2 = 0; return;
            case ActivationKind.Square:
                value = z * z; d1 = 2 * z; d2 = 2; return;
            default:
                throw new InvalidInputException("activation", $"unsupported activation {kind}");
        }
    }

    /// <summary>
    /// Vectorised φ, φ' and (when <paramref name="d2"/> is non-empty) φ'' over a span; allocation-free.
    /// </summary>
    public static void Evaluate(ActivationKind kind, ReadOnlySpan<double> z, Span<double> value, Span<double> d1, Span<double> d2)
    {
        bool second = !d2.IsEmpty;
        switch (kind)
        {
            case ActivationKind.Identity:
                z.CopyTo(value); d1.Fill(1); if (second) d2.Clear(); return;
            case ActivationKind.Tanh:
                HyperbolicTangent.Evaluate(z, value);
                TanhDerivatives(value[..z.Length], d1, d2);
                return;
            case ActivationKind.Logistic:
                TensorPrimitives.Sigmoid(z, value);
                for (int i = 0; i < z.Length; i++)
                {
                    double s = value[i], ds = s * (1 - s);
                    d1[i] = ds;
                    if (second) d2[i] = ds * (1 - 2 * s);
                }
                return;
            default:
                for (int i = 0; i < z.Length; i++)
                {
                    Evaluate(kind, z[i], out value[i], out d1[i], out double dd);
                    if (second) d2[i] = dd;
                }
                return;
        }
    }

    private static double Logistic(double z) => Logistic(z, Exponential.Exp(-Math.Abs(z)));

    /// <summary>The logistic from <c>e = e^{−|z|}</c>: <c>1/(1 + e)</c> for z ≥ 0, <c>e/(1 + e)</c> below (no overflow).</summary>
    private static double Logistic(double z, double e) => z >= 0 ? 1 / (1 + e) : e / (1 + e);

    /// <summary>
    /// <c>φ' = 1 − t²</c> and (when <paramref name="d2"/> is non-empty) <c>φ'' = −2t φ'</c> from <c>t = tanh z</c>,
    /// eight entries a vector with the scalar operations in the scalar order (a multiply, then a subtract; no fused
    /// multiply-add), so every entry has the bits of the scalar loop.
    /// </summary>
    private static void TanhDerivatives(ReadOnlySpan<double> value, Span<double> d1, Span<double> d2)
    {
        bool second = !d2.IsEmpty;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var one = Vector512.Create(1.0);
            var minusTwo = Vector512.Create(-2.0);
            for (; i + 8 <= value.Length; i += 8)
            {
                var t = Vector512.Create(value.Slice(i, 8));
                var dt = one - t * t;
                dt.CopyTo(d1.Slice(i, 8));
                if (second) (minusTwo * t * dt).CopyTo(d2.Slice(i, 8));
            }
        }
        for (; i < value.Length; i++)
        {
            double t = value[i], dt = 1 - t * t;
            d1[i] = dt;
            if (second) d2[i] = -2 * t * dt;
        }
    }
}
