using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// Recognizes the engine models of the paper's three settings (docs/theory.md §4) and the quadratic model (docs/theory.md §7)
/// and builds their symbolic counterparts: <see cref="MatrixSensing"/>, <see cref="Mlp.Relu1D"/> (input 1, one ReLU
/// layer, output bias), <see cref="Mlp.TwoLayerSigmoid"/> (one logistic layer, no output bias) and
/// <see cref="QuadraticLinear"/>. Only the shape of the model is read, never
/// its derivatives.
/// </summary>
public static class SettingOf
{
    /// <summary>The symbolic setting of <paramref name="model"/> at θ on the data, or null for any other model.</summary>
    public static SymbolicSetting? Try(Model model, double[] theta, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            MatrixSensing ms => new MatrixSensingSetting(ms.Size, ms.Width, theta, data),
            Mlp mlp when IsRelu1D(mlp) => new Relu1DSetting(mlp.Hidden[0], theta, data),
            Mlp mlp when IsSigmoid2(mlp) => new Sigmoid2Setting(mlp.InputDimension, mlp.Hidden[0], theta, data),
            QuadraticLinear q => new QuadraticSetting(q.Dimension, q.IsDifference, theta, data),
            _ => null,
        };
    }

    /// <summary>Whether the MLP is the two-layer 1-D ReLU network of §4.2.</summary>
    public static bool IsRelu1D(Mlp mlp)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        return mlp.InputDimension == 1 && mlp.Hidden.Count == 1 && mlp.Activations[0] == ActivationKind.Relu && mlp.OutputBias;
    }

    /// <summary>Whether the MLP is the two-layer sigmoid network of §4.3 (logistic, no output bias).</summary>
    public static bool IsSigmoid2(Mlp mlp)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        return mlp.Hidden.Count == 1 && mlp.Activations[0] == ActivationKind.Logistic && !mlp.OutputBias;
    }
}
