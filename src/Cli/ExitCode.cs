namespace NoiseDrift.Cli;

/// <summary>The exit codes of <c>noisedrift</c> (docs/design.md "CLI contract").</summary>
public static class ExitCode
{
    /// <summary>Every check passed (or the command succeeded).</summary>
    public const int Pass = 0;

    /// <summary>At least one check failed.</summary>
    public const int Fail = 1;

    /// <summary>Bad arguments or a bad spec file; nothing was run.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Standard output was closed by its reader (<c>noisedrift check --json | head -1</c>): the run stops at once, as a
    /// process killed by SIGPIPE would (128 + 13).
    /// </summary>
    public const int OutputClosed = 141;
}
