using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

public sealed class NormalFrameTests
{
    private static readonly NormalFrame Frame = NormalFrame.FromJacobian(HandData.Jacobian(3, 7, 1), 3, 7);

    [Fact]
    public void BasisIsOrthonormalAndCoordinatesRoundTrip()
    {
        for (int k = 0; k < 3; k++)
            for (int l = 0; l < 3; l++)
                Assert.Equal(k == l ? 1 : 0, LinearModel.Dot(Frame.BasisVector(k), Frame.BasisVector(l)), 12);
        double[] c = [0.3, -1.2, 2.0];
        var back = Frame.Coordinates(Frame.Embed(c));
        for (int k = 0; k < 3; k++) Assert.Equal(c[k], back[k], 12);
    }

    [Fact]
    public void TangentProjectionKillsGradientsAndIsIdempotent()
    {
        var v = HandData.Jacobian(1, 7, 9);
        var pv = Frame.ProjectTangent(v);
        for (int i = 0; i < 3; i++) Assert.Equal(0, LinearModel.Dot(Frame.ExampleGradient(i), pv), 12);
        var ppv = Frame.ProjectTangent(pv);
        for (int k = 0; k < 7; k++) Assert.Equal(pv[k], ppv[k], 12);
        var normal = Frame.ProjectNormal(v);
        for (int k = 0; k < 7; k++) Assert.Equal(v[k], pv[k] + normal[k], 12);
    }

    [Fact]
    public void GradientCoordinatesAndNormalHessianMatchJ()
    {
        for (int i = 0; i < 3; i++)
        {
            var a = Frame.Coordinates(Frame.ExampleGradient(i));
            var row = Frame.GradientCoordinates(i);
            for (int k = 0; k < 3; k++) Assert.Equal(a[k], row[k], 12);
        }
        var eigen = Frame.NormalHessian.Evd().EigenValues.Select(z => z.Real).Order().ToArray();
        for (int k = 0; k < 3; k++) Assert.Equal(Frame.HessianEigenvalues[k], eigen[k], 12);
        Assert.Equal(Frame.Gram.Trace() / 3, Frame.NormalHessian.Trace(), 12);
    }

    [Fact]
    public void RankDeficientJacobianIsRefused()
    {
        var j = HandData.Jacobian(3, 5, 2);
        for (int k = 0; k < 5; k++) j[10 + k] = j[k] + 2 * j[5 + k];
        var e = Assert.Throws<InvalidInputException>(() => NormalFrame.FromJacobian(j, 3, 5));
        Assert.Equal("theta", e.Field);
        Assert.Contains("rank 2 < n = 3", e.Message);
    }
}
