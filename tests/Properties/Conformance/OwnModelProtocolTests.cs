using NoiseDrift.Properties.Cli;
using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// <c>check --impl</c> reads the own model from <c>hello</c> (docs/conformance.md, section 3): a
/// program that does not describe one, or describes it with another loss convention, broke the protocol (exit 3, the
/// line quoted); an error answer is a failed row carrying the program's message (exit 1). The programs are shell
/// scripts, so these tests need no Python.
/// </summary>
public sealed class OwnModelProtocolTests
{
    private const string Own = """{"id":1,"ok":true,"name":"sh","ops":["forward","jacobian","hvp","reg","grad_reg","run"],"models":["own"],"own":{"p":2,"n":1,"theta":[0.5,1.5],"loss":"half_mean_square"}}""";

    [Theory]
    [InlineData("""{"id":1,"ok":true,"name":"sh","ops":["forward"],"models":["mlp"]}""", "does not list model kind 'own'")]
    [InlineData("""{"id":1,"ok":true,"name":"sh","ops":["forward"],"models":["own"]}""", "has no object 'own'")]
    [InlineData("""{"id":1,"ok":true,"name":"sh","ops":["forward"],"models":["own"],"own":{"p":2,"n":1,"theta":[0,0],"loss":"mse"}}""",
        "the only convention is 'half_mean_square'")]
    [InlineData("""{"id":1,"ok":true,"name":"sh","ops":["forward"],"models":["own"],"own":{"p":2,"n":1,"theta":[0],"loss":"half_mean_square"}}""",
        "has 1 entries, expected 2")]
    public void AHelloWithoutAUsableOwnModelExitsThree(string hello, string reason)
    {
        var run = CliRun.Of("check", "--impl", $"read -r l; echo '{hello}'; read -r l", "--timeout", "20");
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Out}{run.Error}");
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Contains($"offending line: {hello}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorAnswerIsAFailedRowWithTheProgramsMessage()
    {
        var run = CliRun.Of("check", "--impl",
            $"read -r l; echo '{Own}'; while read -r l; do echo '{{\"id\":'$(echo \"$l\" | sed 's/.*\"id\":\\([0-9]*\\).*/\\1/')',\"error\":\"CUDA out of memory\"}}'; done",
            "--json", "--timeout", "20");
        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        Assert.Contains("the program answered error on jacobian: CUDA out of memory", run.Out, StringComparison.Ordinal);
    }
}
