namespace NoiseDrift.Cli.Reproduce;

/// <summary>What <c>noisedrift reproduce</c> writes to stdout (docs/design.md "CLI contract").</summary>
public enum ReproduceOutput
{
    /// <summary>The verdict table, then a sentence, the figures and the power checks per setting.</summary>
    Table,

    /// <summary>One JSON object per verdict per line, with the <c>check</c> contract.</summary>
    Json,

    /// <summary>One Markdown row per setting (<c>--markdown</c>).</summary>
    Markdown,

    /// <summary>The Markdown summary, then each setting's verdict and power-check tables (<c>--markdown --verbose</c>).</summary>
    MarkdownVerbose,
}
