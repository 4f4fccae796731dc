using System.Globalization;
using NoiseDrift.Cli.Battery;
using NoiseDrift.Conformance.Own;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Conformance.Run;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift check --impl "COMMAND"</c> (docs/conformance.md, section 3): starts COMMAND,
/// reads its own model from <c>hello</c>, runs <see cref="OwnModelBattery"/> and reports like <c>check</c> (table or
/// <c>--json</c> rows), then one line per wrong step rule with the power of the run rows against it (on stderr with
/// <c>--json</c>). Exit 0 every row passed and the power suffices (at <c>--quick</c> the power is shown, not
/// required), 1 otherwise, 3 the program broke the protocol (the offending line is quoted).
/// </summary>
public static class OwnModelCheck
{
    /// <summary>Runs the battery on the program's own model; returns the exit code.</summary>
    public static int Execute(string command, BatteryOptions options, bool json, TimeSpan timeout, CliConsoles consoles)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(consoles);
        using var channel = new ProcessChannel(command, timeout);
        try
        {
            var client = OwnClient.Open(channel);
            var battery = new OwnModelBattery(client);
            // One program answers one request at a time, so its cases run in turn.
            int code = CheckCommand.Execute(options, json, consoles, [battery], verbose: true, workers: 1);
            client.Close();
            var text = json ? consoles.Error : consoles.Out;
            bool required = options.Tier != Tier.Quick;
            foreach (var power in battery.Power)
            {
                bool enough = power.Margin >= RunPower.RequiredMargin;
                text.WriteLine(Line(power, enough, required));
                if (required && !enough) code = ExitCode.Fail;
            }
            if (client.Model.Count > OwnRunCheck.PowerLimit)
            {
                text.WriteLine($"power not computed: above n = {OwnRunCheck.PowerLimit} the enumeration of batches costs too much, " +
                    "so nothing shows that the run rows would reject a wrong step rule; use n <= 12 for that");
            }
            else if (required && battery.Power.Any(p => p.Margin < RunPower.RequiredMargin))
            {
                text.WriteLine("exit 1: every row passed, but the run cannot tell a wrong step rule from the right one with " +
                    "the required probability (power FAIL above) even at its largest plan; --deep doubles the chains");
            }
            text.Flush();
            return code;
        }
        catch (ProtocolViolationException violation)
        {
            consoles.Error.WriteLine($"noisedrift: the program broke the protocol: {violation.Message}; offending line: {violation.OffendingLine}");
            return CertifyCommand.ProtocolBroken;
        }
        catch (ImplementationErrorException error)
        {
            consoles.Error.WriteLine($"noisedrift: {error.Message}");
            return ExitCode.Fail;
        }
    }

    /// <summary>One power line, at most 120 columns: the wrong rule, how far out it lands, the margin, and P(miss) = 1 − P(reject).</summary>
    private static string Line(RunPower power, bool enough, bool required) => string.Create(CultureInfo.InvariantCulture,
        $"power {(enough ? "ok  " : required ? "FAIL" : "low ")} {power.Rule.Name}: {power.Shift:0.0} tol. out on " +
        $"ou_cov {power.Row} ({power.Margin:0.0} SE), P(miss) <= {Miss(power)}");

    private static string Miss(RunPower power) =>
        power.Probability >= 1 - 1e-15 ? "1e-15" : string.Create(CultureInfo.InvariantCulture, $"{1 - power.Probability:0.0e0}");
}
