namespace NoiseDrift.Cli.SpecRun;

/// <summary>One point of the <c>reg_trace</c>: the chain average of <c>reg(Proj_M θ_k)</c> at step k (docs/theory.md §3).</summary>
/// <param name="Step">The SGD step k.</param>
/// <param name="Reg">The mean over chains of <c>reg</c> at the projection of <c>θ_k</c> onto M.</param>
/// <param name="Unprojected">Chains left out because <c>θ_k</c> could not be projected onto M.</param>
public sealed record RegSample(int Step, double Reg, int Unprojected = 0);
