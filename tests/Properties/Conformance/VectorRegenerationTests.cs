using System.Text.Json;
using NoiseDrift.Conformance.Vectors;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Sgd;
using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// The committed <c>conformance/vectors/</c> are what <c>noisedrift vectors</c> writes today (docs/conformance.md §1): the
/// same files, the same structure and strings, and every number within 1e-12 of the field's scale (bits may differ
/// across CPUs, as for the snapshots). Every field of every case is certified by its second route. To re-record after
/// an intended change: <c>dotnet run -c Release --project src/Cli -- vectors --out conformance/vectors</c>.
/// </summary>
public sealed class VectorRegenerationTests
{
    private const double NumberTolerance = 1e-12;

    private static readonly IReadOnlyList<CertifiedCase> Certified = VectorSet.Certify();

    [Fact]
    public void EveryFieldIsCertifiedByItsSecondRoute()
    {
        foreach (var c in Certified)
            foreach (var route in c.Routes)
            {
                Assert.True(route.Certified,
                    $"{c.Case.Name}: {route.Field} off {route.SecondRoute} by {route.WorstRatio:g3} bounds");
                Assert.True(route.RelativeBound <= c.RelativeTolerance, $"{c.Case.Name}: {route.Field} bound above the stated tolerance");
            }
    }

    [Fact]
    public void CommittedVectorsMatchARegeneration()
    {
        string directory = Path.Combine(RepositoryPaths.Conformance, "vectors");
        var files = VectorSet.Files(Certified);
        var committed = Directory.GetFiles(directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(files.Select(f => f.Name).Order(StringComparer.Ordinal), committed);
        foreach (var (name, text) in files)
        {
            using var fresh = JsonDocument.Parse(text);
            using var stored = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, name)));
            Same(fresh.RootElement, stored.RootElement, name);
        }
    }

    [Fact]
    public void EveryModelKindAndActivationIsCovered()
    {
        var kinds = Certified.Select(c => c.Case.Model.Kind).ToHashSet();
        Assert.Equal(["dag", "matrix_sensing", "mlp", "quadratic", "quadratic_signed", "relu1d", "sigmoid2"], kinds.Order(StringComparer.Ordinal));
        var activations = Certified.SelectMany(c => c.Case.Model.Spec["activations"]?.AsArray().Select(a => a!.ToString()) ?? [])
            .Concat(Certified.SelectMany(c => c.Case.Model.Spec["neurons"]?.AsArray().Select(n => n!["activation"]!.ToString()) ?? []))
            .ToHashSet();
        Assert.All(Activation.All, a => Assert.Contains(Activation.NameOf(a), activations));
        Assert.Contains(Certified, c => c.Case.Batch < c.Case.Count);
        Assert.Contains(Certified, c => c.Case.Law == NoiseLaw.Rademacher);
    }

    private static void Same(JsonElement fresh, JsonElement stored, string path)
    {
        Assert.True(fresh.ValueKind == stored.ValueKind, $"{path}: {fresh.ValueKind} vs committed {stored.ValueKind}");
        switch (fresh.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(fresh.EnumerateObject().Select(p => p.Name), stored.EnumerateObject().Select(p => p.Name));
                foreach (var property in fresh.EnumerateObject())
                    Same(property.Value, stored.GetProperty(property.Name), $"{path}.{property.Name}");
                break;
            case JsonValueKind.Array:
                Assert.True(fresh.GetArrayLength() == stored.GetArrayLength(), $"{path}: length changed");
                double scale = Math.Max(1, Scale(fresh));
                foreach (var (a, b) in fresh.EnumerateArray().Zip(stored.EnumerateArray()))
                {
                    if (a.ValueKind == JsonValueKind.Number)
                        Assert.True(Math.Abs(a.GetDouble() - b.GetDouble()) <= NumberTolerance * scale,
                            $"{path}: {a.GetDouble():R} regenerated, {b.GetDouble():R} committed");
                    else Same(a, b, path + "[]");
                }
                break;
            case JsonValueKind.Number:
                double x = fresh.GetDouble(), y = stored.GetDouble();
                Assert.True(Math.Abs(x - y) <= NumberTolerance * Math.Max(1, Math.Abs(x)), $"{path}: {x:R} regenerated, {y:R} committed");
                break;
            default:
                Assert.True(fresh.GetRawText() == stored.GetRawText(), $"{path}: {fresh.GetRawText()} vs committed {stored.GetRawText()}");
                break;
        }
    }

    private static double Scale(JsonElement array) =>
        array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => Math.Abs(e.GetDouble())).DefaultIfEmpty(0).Max();
}
