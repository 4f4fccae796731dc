using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Theory.Geometry;

/// <summary><c>reg</c>, <c>∇reg</c> and <c>P ∇reg</c> at θ (docs/theory.md §1, §3), from the model's exact derivatives.</summary>
public static class Regularizer
{
    /// <summary>
    /// <c>reg(θ)</c>, <c>∇reg(θ) = (2/n) Σ_i H_i g_i</c> (one <see cref="Model.RegGradient"/> call) and <c>P ∇reg</c>
    /// with P from <paramref name="frame"/>, the frame at the same θ (docs/theory.md §1).
    /// </summary>
    public static RegularizerValue At(Model model, ReadOnlySpan<double> theta, Dataset data, NormalFrame frame)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(frame);
        model.ValidateTheta(theta);
        model.ValidateData(data);
        var gradient = new double[model.ParameterCount];
        double reg = model.RegGradient(theta, data.X, gradient, model.CreateWorkspace(data.Count));
        return new RegularizerValue(reg, gradient, frame.ProjectTangent(gradient));
    }

    /// <summary><see cref="At(Model, ReadOnlySpan{double}, Dataset, NormalFrame)"/> with the frame built at θ.</summary>
    public static RegularizerValue At(Model model, ReadOnlySpan<double> theta, Dataset data) =>
        At(model, theta, data, NormalFrame.At(model, theta, data));
}
