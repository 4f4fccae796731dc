using NoiseDrift.Cli.Output;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// <see cref="TableWarmUp"/> draws both table forms over its own rows without failing, as a plain writer and as a
/// terminal: a warm-up whose drawing threw would leave the real table's compilation on the critical path unseen.
/// </summary>
public class TableWarmUpTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_warm_up_draws_both_tables(bool isTerminal)
    {
        var warmUp = TableWarmUp.Start(isTerminal);
        await warmUp;
        Assert.True(warmUp.IsCompletedSuccessfully);
    }
}
