using NoiseDrift.Cli;
using NoiseDrift.Cli.Commands;

return CliApp.Run(args, CliConsoles.System());
