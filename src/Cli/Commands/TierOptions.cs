using System.CommandLine;
using NoiseDrift.Cli.Battery;

namespace NoiseDrift.Cli.Commands;

/// <summary>The <c>--quick</c> and <c>--deep</c> options of the battery commands (<c>check</c>, <c>sweep</c>).</summary>
internal sealed class TierOptions
{
    private readonly Option<bool> _quick = new("--quick") { Description = "Run a few small cases only (seconds)." };
    private readonly Option<bool> _deep = new("--deep") { Description = "More data rows and extra random architectures." };

    /// <summary>Adds both options to <paramref name="command"/>, refusing them together.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_quick);
        command.Options.Add(_deep);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_quick) && result.GetValue(_deep)) result.AddError("--quick and --deep cannot be combined.");
        });
    }

    /// <summary>The tier the parsed options ask for.</summary>
    public Tier Of(ParseResult parsed) =>
        parsed.GetValue(_quick) ? Tier.Quick : parsed.GetValue(_deep) ? Tier.Deep : Tier.Standard;
}
