using NoiseDrift.Cli;

return CliApp.Run(args, CliConsoles.System());
