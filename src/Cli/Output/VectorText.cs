using System.Numerics.Tensors;

namespace NoiseDrift.Cli.Output;

/// <summary>Vectors in tables: the first few and the last entry, with the length, and the Euclidean norm apart.</summary>
internal static class VectorText
{
    /// <summary>Entries shown before the ellipsis.</summary>
    private const int Head = 3;

    /// <summary><c>[a, b, c, …, z] (p=13)</c>, or every entry when there are few.</summary>
    public static string Abridged(IReadOnlyList<double> v)
    {
        var shown = v.Count <= Head + 1
            ? v.Select(NumberFormat.Short)
            : [.. v.Take(Head).Select(NumberFormat.Short), "…", NumberFormat.Short(v[^1])];
        return $"[{string.Join(", ", shown)}] ({v.Count})";
    }

    /// <summary>The Euclidean norm, formatted.</summary>
    public static string Norm(double[] v) => NumberFormat.Short(TensorPrimitives.Norm(v));
}
