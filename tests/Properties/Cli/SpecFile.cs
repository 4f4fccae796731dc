using System.Text.Json.Nodes;

namespace NoiseDrift.Properties.Cli;

/// <summary>The example spec (examples/tiny-tanh.json), edited and written to a temporary file for one CLI run.</summary>
internal sealed class SpecFile : IDisposable
{
    private SpecFile(string path) => Path = path;

    /// <summary>The temporary file's path.</summary>
    public string Path { get; }

    /// <summary>The example with small <c>steps</c> and <c>chains</c> (fast), then <paramref name="edit"/> applied.</summary>
    public static SpecFile TinyTanh(Action<JsonObject>? edit = null) => Example("tiny-tanh.json", edit);

    /// <summary>An example spec of <c>examples/</c> with small <c>steps</c> and <c>chains</c>, then <paramref name="edit"/> applied.</summary>
    public static SpecFile Example(string name, Action<JsonObject>? edit = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(CliRun.RepositoryFile($"examples/{name}")))!.AsObject();
        root["sgd"]!["steps"] = 20;
        root["sgd"]!["chains"] = 8;
        edit?.Invoke(root);
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"noisedrift-spec-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return new SpecFile(path);
    }

    public void Dispose() => File.Delete(Path);
}
