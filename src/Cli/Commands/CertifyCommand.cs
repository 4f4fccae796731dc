using System.CommandLine;
using NoiseDrift.Cli.Output;
using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift certify --impl "COMMAND" [--cases quick|standard] [--timeout S] [--json]</c> (docs/conformance.md §2):
/// starts COMMAND through the shell, speaks JSON lines with it, prints one row per op and case (or <c>--json</c> lines
/// with the <c>check</c> contract), then the one-line verdict. Exit 0 certified, 1 failed, 2 bad arguments, 3 the
/// program broke the protocol (the offending line is quoted).
/// </summary>
public static class CertifyCommand
{
    /// <summary>The exit code for a broken protocol.</summary>
    public const int ProtocolBroken = 3;

    public static Command Create(CliConsoles consoles)
    {
        var impl = new Option<string>("--impl") { Description = "The command that runs the implementation (through the shell).", Required = true };
        var cases = new Option<string>("--cases") { Description = "quick (one case per kind, one run) or standard (all cases, two runs).", DefaultValueFactory = _ => "standard" };
        cases.AcceptOnlyFromAmong("quick", "standard");
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each answer (default 60).", DefaultValueFactory = _ => 60 };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per verdict row per line to stdout." };
        var command = new Command("certify", "Certify an outside implementation over the JSON-lines protocol.") { impl, cases, timeout, json };
        command.SetAction(parsed =>
        {
            double seconds = parsed.GetValue(timeout);
            if (!(seconds > 0 && seconds < 1e6))
            {
                consoles.Error.WriteLine($"noisedrift: --timeout: must be a positive number of seconds below 1e6, got {seconds}");
                return ExitCode.BadInput;
            }
            var tier = parsed.GetValue(cases) == "quick" ? CertificationTier.Quick : CertificationTier.Standard;
            return Execute(parsed.GetValue(impl)!, new CertificationOptions(tier), TimeSpan.FromSeconds(seconds),
                parsed.GetValue(json), consoles);
        });
        return command;
    }

    public static int Execute(string command, CertificationOptions options, TimeSpan timeout, bool json, CliConsoles consoles)
    {
        CertificationReport report;
        using (var channel = new ProcessChannel(command, timeout))
        {
            report = Certifier.Certify(channel, options, row =>
            {
                JsonLine.Write(consoles.Out, json ? CheckJson.Line(row) : Row(row));
            });
        }
        Write(report, json, consoles);
        return report.ExitCode;
    }

    /// <summary>The skipped ops and the verdict line (to stderr with <c>--json</c>, so stdout stays JSON lines).</summary>
    public static void Write(CertificationReport report, bool json, CliConsoles consoles)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(consoles);
        var text = json ? consoles.Error : consoles.Out;
        foreach (var skipped in report.NotCertified) text.WriteLine($"not certified ({skipped})");
        text.WriteLine(report.Verdict);
        text.Flush();
    }

    /// <summary>One table row; a row without a measurement (the program answered an error) shows its detail instead.</summary>
    public static string Row(CheckResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string head = $"{(r.Pass ? "pass" : "FAIL"),-5} {r.Check,-22} {r.Case,-40}";
        if (double.IsNaN(r.Measured)) return $"{head} {r.Detail}";
        double diff = Math.Abs(r.Measured - r.Predicted);
        return $"{head} suite {r.Predicted,14:g8}  yours {r.Measured,14:g8}  |diff| {diff,9:g3} {(r.Pass ? "<=" : "> ")} tol {r.Tolerance,9:g3}";
    }
}
