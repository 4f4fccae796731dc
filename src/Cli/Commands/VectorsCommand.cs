using System.CommandLine;
using NoiseDrift.Conformance.Vectors;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift vectors --out DIR</c> (docs/conformance.md §1): certifies every canonical case by two independent routes
/// and writes one JSON file per case plus <c>index.json</c>. A case whose routes disagree is not written, and the
/// command exits 1 naming it.
/// </summary>
public static class VectorsCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var output = new Option<string>("--out") { Description = "Directory to write the case files and index.json into.", Required = true };
        var command = new Command("vectors", "Write the certified conformance vectors (one JSON file per case).") { output };
        command.SetAction(parsed => Execute(parsed.GetValue(output)!, consoles));
        return command;
    }

    public static int Execute(string directory, CliConsoles consoles)
    {
        var certified = VectorSet.Certify();
        var failed = certified.Where(c => c.Routes.Any(r => !r.Certified)).ToArray();
        Directory.CreateDirectory(directory);
        var good = certified.Except(failed).ToArray();
        foreach (var (name, text) in VectorSet.Files(good))
            File.WriteAllText(Path.Combine(directory, name), text);
        consoles.Out.WriteLine($"{"case",-28} {"tolerance",-10} worst route (|engine - route| / bound)");
        foreach (var c in certified)
        {
            var worst = c.Routes.MaxBy(r => r.WorstRatio)!;
            consoles.Out.WriteLine($"{c.Case.Name,-28} {c.RelativeTolerance,-10:0e0} {worst.Field}: {worst.WorstRatio:0.000} vs {worst.SecondRoute}");
        }
        foreach (var c in failed)
        {
            var route = c.Routes.First(r => !r.Certified);
            consoles.Error.WriteLine($"noisedrift: {c.Case.Name}: {route.Field} disagrees with {route.SecondRoute} " +
                                     $"({route.WorstRatio:0.###} times its bound); not written");
        }
        consoles.Out.WriteLine($"wrote {good.Length} of {certified.Count} cases and {VectorSet.IndexFile} to {directory}");
        consoles.Out.Flush();
        return failed.Length == 0 ? ExitCode.Pass : ExitCode.Fail;
    }
}
