namespace NoiseDrift.Theory.Geometry;

/// <summary>Dense p-vector helpers shared by the theory (docs/theory.md §1: everything stays O(n p)).</summary>
public static class Vectors
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }

    public static double Norm(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));

    public static void AddScaled(Span<double> target, ReadOnlySpan<double> v, double scale)
    {
        for (int k = 0; k < target.Length; k++) target[k] += scale * v[k];
    }
}
