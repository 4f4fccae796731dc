namespace NoiseDrift.Cli.Spec;

/// <summary>JSON paths as they appear in error messages: <c>sgd.eta</c>, <c>data.x[2][0]</c>.</summary>
internal static class SpecPath
{
    /// <summary>The path of field <paramref name="name"/> inside the object at <paramref name="parent"/>.</summary>
    public static string Field(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
