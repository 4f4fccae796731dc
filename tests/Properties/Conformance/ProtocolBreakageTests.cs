using System.Diagnostics;
using NoiseDrift.Properties.Cli;
using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// A broken program never hangs <c>certify</c> and is never taken for a pass (docs/conformance.md §2): a crash, malformed
/// JSON, a wrong id, a missing field, NaN, a timeout and non-JSON output on stdout each exit 3 and quote the offending
/// line. The programs are two-line shell scripts that answer <c>hello</c> properly and then misbehave.
/// </summary>
public sealed class ProtocolBreakageTests
{
    private const string Hello = """{"id":1,"ok":true,"name":"sh","ops":["reg"],"models":["mlp"]}""";

    [Theory]
    [InlineData("malformed JSON", """{"id":2,"reg":""", "is not JSON")]
    [InlineData("wrong id", """{"id":5,"reg":1.0}""", "does not match request id 2")]
    [InlineData("missing field", """{"id":2}""", "missing field 'reg'")]
    [InlineData("NaN", """{"id":2,"reg":NaN}""", "non-finite")]
    [InlineData("non-JSON stdout", "loading weights...", "is not JSON")]
    public void ABadSecondAnswerExitsThreeQuotingIt(string what, string answer, string reason)
    {
        var run = Certify($"read -r l; echo '{Hello}'; read -r l; echo '{answer}'; read -r l", timeout: 20);
        Assert.True(run.ExitCode == 3, $"{what}: exit {run.ExitCode}\n{run.Out}{run.Error}");
        Assert.Contains(reason, run.Out, StringComparison.Ordinal);
        Assert.Contains($"offending line: {answer}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ACrashExitsThreeWithTheUnansweredRequestAndTheLastStderrLine()
    {
        var run = Certify($"read -r l; echo '{Hello}'; read -r l; echo 'segfault in reg' >&2; exit 7", timeout: 20);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("exit code 7", run.Out, StringComparison.Ordinal);
        Assert.Contains("segfault in reg", run.Out, StringComparison.Ordinal);
        Assert.Contains("offending line: {\"id\":2,\"op\":\"reg\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ASilentProgramTimesOutInsteadOfHanging()
    {
        var clock = Stopwatch.StartNew();
        var run = Certify($"read -r l; echo '{Hello}'; read -r l; sleep 60", timeout: 1);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("within the timeout of 1 s", run.Out, StringComparison.Ordinal);
        Assert.Contains("offending line: {\"id\":2,\"op\":\"reg\"", run.Out, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void AProgramThatDiesAtOnceExitsThree()
    {
        var run = Certify("exit 1", timeout: 20);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("before answering request 1 (hello)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorAnswerIsAFailedOpNotAPass()
    {
        var run = Certify($"read -r l; echo '{Hello}'; while read -r l; do echo '{{\"id\":'$(echo \"$l\" | sed 's/.*\"id\":\\([0-9]*\\).*/\\1/')',\"error\":\"not implemented\"}}'; done", timeout: 20);
        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        Assert.Contains("not certified: reg", run.Out, StringComparison.Ordinal);
        // The program's own message, in the row and in the verdict; never a bare NaN.
        Assert.Contains(run.Out.Split('\n'), line => line.StartsWith("FAIL", StringComparison.Ordinal) &&
            line.Contains("mlp-tanh-2x3", StringComparison.Ordinal) &&
            line.EndsWith("the program answered error: not implemented", StringComparison.Ordinal));
        Assert.Contains("not certified: reg on mlp-tanh-2x3: the program answered error: not implemented", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void BadArgumentsExitTwo()
    {
        Assert.Equal(2, CliRun.Of("certify", "--impl", "true", "--timeout", "-1").ExitCode);
        Assert.Equal(2, CliRun.Of("certify", "--impl", "true", "--cases", "huge").ExitCode);
        Assert.Equal(2, CliRun.Of("certify").ExitCode);
    }

    private static CliRun Certify(string script, double timeout) =>
        CliRun.Of("certify", "--impl", script, "--cases", "quick", "--timeout", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
