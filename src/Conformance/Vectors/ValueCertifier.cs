using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Conformance.Cases;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Checks;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Settings;
using Vec = NoiseDrift.Theory.Geometry.Vectors;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// Computes a case's expected values with the engine and certifies each by a second, independent route before it is
/// written (docs/conformance.md §1): finite differences with their derived bound (<see cref="FiniteDifference"/>) for
/// <c>jacobian</c>, <c>grad_reg</c>, <c>hvp</c>; <c>reg</c> from the difference Jacobian; a QR projection for
/// <c>P ∇reg</c>; the eigenvalue closed form or a Neumann series for S (docs/theory.md §2); difference HVPs for the exact
/// drift (§3); and the explicit step formula on the difference Jacobian for <c>sgd_step</c> (§1).
/// </summary>
public static class ValueCertifier
{
    /// <summary>The smallest tolerance a case states.</summary>
    public const double MinimumTolerance = 1e-10;

    private const double Eps = FiniteDifference.Epsilon;
    private const double Rounding = FiniteDifference.RoundingFactor * FiniteDifference.Epsilon;

    /// <summary>Certifies every field; <see cref="CertifiedCase.Routes"/> says whether each agreed.</summary>
    public static CertifiedCase Certify(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var model = c.Model.Engine;
        var data = c.Data;
        int n = c.Count, p = c.ParameterCount;
        var theta = c.Theta;
        var ws = model.CreateWorkspace(n);
        var routes = new List<RouteAgreement>();

        var h = new double[n];
        model.Forward(theta, data.X, h, ws);
        var hRoute = new FieldAgreement("h", ReferenceOutput.Route(model));
        for (int i = 0; i < n; i++)
        {
            double reference = ReferenceOutput.Of(model, theta, data.Row(i).ToArray());
            hRoute.Add(h[i], reference, Rounding * Math.Max(1, Math.Abs(reference)));
        }
        routes.Add(hRoute.Result());

        var jacobian = new double[n * p];
        model.Jacobian(theta, data.X, new double[n], jacobian, ws);
        var fdJacobian = new double[n * p];
        var fdJacobianBound = new double[n * p];
        var jRoute = new FieldAgreement("jacobian", "central differences of h");
        for (int i = 0; i < n; i++)
        {
            ModelDifferences.Gradient(model, theta, data.Row(i).ToArray(), fdJacobian.AsSpan(i * p, p), fdJacobianBound.AsSpan(i * p, p));
            for (int k = 0; k < p; k++) fdJacobianBound[i * p + k] += Rounding * Math.Max(1, Math.Abs(jacobian[i * p + k]));
        }
        jRoute.Add(jacobian, fdJacobian, fdJacobianBound);
        routes.Add(jRoute.Result());

        double reg = model.Reg(theta, data.X, ws);
        double regRoute = 0, regBound = Rounding * Math.Max(1, reg);
        for (int k = 0; k < n * p; k++)
        {
            regRoute += fdJacobian[k] * fdJacobian[k] / n;
            regBound += (2 * Math.Abs(fdJacobian[k]) * fdJacobianBound[k] + fdJacobianBound[k] * fdJacobianBound[k]) / n;
        }
        var regAgreement = new FieldAgreement("reg", "(1/n)||J||_F^2 of the difference Jacobian");
        regAgreement.Add(reg, regRoute, regBound);
        routes.Add(regAgreement.Result());

        var gradReg = new double[p];
        model.RegGradient(theta, data.X, gradReg, ws);
        var fdGradReg = new double[p];
        var fdGradRegBound = new double[p];
        ModelDifferences.RegGradient(model, theta, data.X, fdGradReg, fdGradRegBound);
        for (int k = 0; k < p; k++) fdGradRegBound[k] += Rounding * Math.Max(1, Math.Abs(gradReg[k]));
        var gradRoute = new FieldAgreement("grad_reg", "central differences of reg");
        gradRoute.Add(gradReg, fdGradReg, fdGradRegBound);
        routes.Add(gradRoute.Result());

        var hvp = new double[n][];
        var hvpRoute = new FieldAgreement("hvp", "central differences of exact g_i along v");
        for (int i = 0; i < n; i++)
        {
            var x = data.Row(i).ToArray();
            hvp[i] = new double[p];
            model.HessianVector(theta, x, c.V, hvp[i], ws);
            var (fd, bound) = DifferenceHvp(model, theta, x, c.V);
            for (int k = 0; k < p; k++) bound[k] += Rounding * Math.Max(1, Math.Abs(hvp[i][k]));
            hvpRoute.Add(hvp[i], fd, bound);
        }
        routes.Add(hvpRoute.Result());

        var frame = NormalFrame.At(model, theta, data);
        var qr = Matrix<double>.Build.Dense(p, n, (k, i) => jacobian[i * p + k]).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        double conditionJ = Math.Sqrt(frame.HessianEigenvalues[^1] / frame.HessianEigenvalues[0]);
        double[] ProjectQr(double[] v)
        {
            var vector = Vector<double>.Build.Dense(v);
            return (vector - qr.Q * (qr.Q.TransposeThisAndMultiply(vector))).ToArray();
        }

        var pGradReg = frame.ProjectTangent(gradReg);
        var pGradRegRoute = ProjectQr(fdGradReg);
        double projectionBound = Vec.Norm(fdGradRegBound) + Rounding * conditionJ * Vec.Norm(gradReg);
        var pRoute = new FieldAgreement("p_grad_reg", "QR projection of the difference grad_reg");
        pRoute.Add(pGradReg, pGradRegRoute, Enumerable.Repeat(projectionBound, p).ToArray());
        routes.Add(pRoute.Result());

        var sgd = c.Sgd;
        double leadingScale = -sgd.Eta * sgd.NoiseScale / 4;
        var driftLeading = TangentDrift.Leading(new RegularizerValue(reg, gradReg, pGradReg), sgd);
        var leadRoute = new FieldAgreement("drift_leading", "-(eta^2 sigma^2/(4B)) times the QR-projected difference grad_reg");
        leadRoute.Add(driftLeading, pGradRegRoute.Select(v => leadingScale * v).ToArray(),
            Enumerable.Repeat(Math.Abs(leadingScale) * projectionBound, p).ToArray());
        routes.Add(leadRoute.Result());

        var covariance = StationaryCovariance.Exact(frame, sgd);
        var (covarianceRoute, covarianceRouteName) = SecondCovariance(frame, sgd);
        double relaxation = 1 / (sgd.Eta * frame.HessianEigenvalues[0]);
        double covarianceBound = Rounding * relaxation * covariance.Eigenvalues[^1];
        var covAgreement = new FieldAgreement("ou_cov", covarianceRouteName);
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                covAgreement.Add(covariance.Matrix[a, b], covarianceRoute[a, b], covarianceBound);
        covAgreement.Add(covariance.Eigenvalues, OuCovariance.Of(covarianceRoute, "route").Eigenvalues,
            Enumerable.Repeat(covarianceBound, n).ToArray());
        routes.Add(covAgreement.Result());

        var driftExact = TangentDrift.Exact(model, theta, data, frame, covariance, sgd.Eta);
        var driftSum = new double[p];
        double driftBound = 0;
        for (int i = 0; i < n; i++)
        {
            var direction = frame.Embed((covariance.Matrix * frame.GradientCoordinates(i)).ToArray());
            var (fd, bound) = DifferenceHvp(model, theta, data.Row(i).ToArray(), direction);
            Vec.AddScaled(driftSum, fd, -sgd.Eta / n);
            driftBound += sgd.Eta / n * Vec.Norm(bound);
        }
        var driftRoute = ProjectQr(driftSum);
        driftBound += Rounding * conditionJ * Vec.Norm(driftExact) + covarianceBound / covariance.Eigenvalues[^1] * Vec.Norm(driftExact);
        var exactRoute = new FieldAgreement("drift_exact", "QR-projected central differences of g_i along Q S a_i");
        exactRoute.Add(driftExact, driftRoute, Enumerable.Repeat(driftBound, p).ToArray());
        routes.Add(exactRoute.Result());

        var (step, stepRoute, stepBound) = SgdStep(c, fdJacobian, fdJacobianBound, h);
        var stepAgreement = new FieldAgreement("sgd_step", "the step formula on the difference Jacobian");
        stepAgreement.Add(step, stepRoute, stepBound);
        routes.Add(stepAgreement.Result());

        routes.AddRange(ClosedForms(c, h, jacobian, reg, gradReg, hvp));

        var expected = new ExpectedValues(h,
            Enumerable.Range(0, n).Select(i => jacobian.AsSpan(i * p, p).ToArray()).ToArray(),
            reg, gradReg, hvp, pGradReg, driftLeading, driftExact, covariance.Eigenvalues, step);
        double tolerance = Math.Max(MinimumTolerance, routes.Max(r => r.RelativeBound));
        tolerance = Math.Pow(10, Math.Ceiling(Math.Log10(tolerance)));
        return new CertifiedCase(c, expected, tolerance, routes);
    }

    /// <summary>
    /// A third route where the model is one of the paper's settings (docs/theory.md §4): the symbolic closed forms of
    /// <see cref="SettingOf"/> for h, J, <c>reg</c>, <c>∇reg</c> and the HVP, within rounding of the field's scale.
    /// </summary>
    private static IEnumerable<RouteAgreement> ClosedForms(ConformanceCase c, double[] h, double[] jacobian, double reg,
        double[] gradReg, double[][] hvp)
    {
        var setting = SettingOf.Try(c.Model.Engine, c.Theta, c.Data);
        if (setting is null) yield break;
        int n = c.Count, p = c.ParameterCount;
        const string route = "closed form of the setting (docs/theory.md §4)";
        double Bound(IEnumerable<double> field) => Rounding * Math.Max(1, field.Select(Math.Abs).Max());
        var outputs = new FieldAgreement("h", route);
        var gradients = new FieldAgreement("jacobian", route);
        var products = new FieldAgreement("hvp", route);
        for (int i = 0; i < n; i++)
        {
            outputs.Add(h[i], setting.Output(i), Bound(h));
            gradients.Add(jacobian.AsSpan(i * p, p), setting.ExampleGradient(i), Enumerable.Repeat(Bound(jacobian), p).ToArray());
            products.Add(hvp[i], setting.HessianTimes(i, c.V), Enumerable.Repeat(Bound(hvp.SelectMany(r => r)), p).ToArray());
        }
        var regForm = new FieldAgreement("reg", route);
        regForm.Add(reg, setting.Reg(), Bound([reg]));
        var gradForm = new FieldAgreement("grad_reg", route);
        gradForm.Add(gradReg, setting.RegGradient(), Enumerable.Repeat(Bound(gradReg), p).ToArray());
        yield return outputs.Result();
        yield return gradients.Result();
        yield return regForm.Result();
        yield return gradForm.Result();
        yield return products.Result();
    }

    /// <summary>H v as the central difference of the exact gradient along v, with its bound.</summary>
    private static (double[] Estimate, double[] Bound) DifferenceHvp(Model model, double[] theta, double[] x, double[] v)
    {
        int p = model.ParameterCount;
        var estimate = new double[p];
        var bound = new double[p];
        ModelDifferences.HessianVector(model, theta, x, v, estimate, bound);
        return (estimate, bound);
    }

    /// <summary>
    /// The second route for S (docs/theory.md §2): full batch, <c>Σ_λ ησ²/(n(2 − ηλ)) v vᵀ</c> over the eigenpairs of G;
    /// minibatch, the Neumann series <c>Σ_k T^k(N)</c> of the second-moment map by repeated squaring.
    /// </summary>
    private static (Matrix<double> S, string Route) SecondCovariance(NormalFrame frame, Engine.Sgd.SgdProblem sgd)
    {
        int n = frame.Count;
        if (sgd.Batch == n)
        {
            var evd = frame.NormalHessian.Evd(Symmetricity.Symmetric);
            var diagonal = evd.EigenValues.Map(z => sgd.Eta * sgd.Sigma * sgd.Sigma / (n * (2 - sgd.Eta * z.Real)));
            return (evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalVector(diagonal) * evd.EigenVectors.Transpose(),
                "eta sigma^2/(n(2 - eta lambda)) on the eigenvectors of G");
        }
        var map = new SecondMomentMap(frame, sgd);
        var basis = new SymmetricBasis(n);
        var power = basis.MatrixOf(map.Apply);
        var sum = basis.Coordinates(frame.NormalHessian * (sgd.Eta * sgd.NoiseScale));
        for (int doubling = 0; doubling < 60; doubling++)
        {
            var added = power * sum;
            sum += added;
            power *= power;
            if (added.L2Norm() <= Eps * sum.L2Norm()) break;
        }
        return (basis.Matrix(sum), "Neumann series of the second-moment map");
    }

    /// <summary>
    /// The engine's step (batch loss gradient with targets <c>y + e</c>, docs/theory.md §1) and the explicit formula
    /// <c>θ − (η/B) Σ_j (h_{b_j} − y_{b_j} − e_j) ĝ_{b_j}</c> on the difference Jacobian ĝ, with its bound.
    /// </summary>
    private static (double[] Step, double[] Route, double[] Bound) SgdStep(ConformanceCase c, double[] fdJacobian,
        double[] fdBound, double[] h)
    {
        int p = c.ParameterCount, b = c.StepBatch.Length;
        var step = Certification.SuiteValues.EngineStep(c, c.Data.Y);
        var route = (double[])c.Theta.Clone();
        var bound = new double[p];
        for (int j = 0; j < b; j++)
        {
            int i = c.StepBatch[j];
            double r = h[i] - c.Data.Y[i] - c.Noise[j];
            for (int k = 0; k < p; k++)
            {
                route[k] -= c.Eta / b * r * fdJacobian[i * p + k];
                bound[k] += c.Eta / b * Math.Abs(r) * fdBound[i * p + k];
            }
        }
        for (int k = 0; k < p; k++) bound[k] += Rounding * Math.Max(1, Math.Abs(step[k]));
        return (step, route, bound);
    }
}
