namespace NoiseDrift.Engine.Json;

/// <summary>JSON paths as error messages name fields: <c>hidden[1]</c>, <c>neurons[0].sources</c>, <c>x[2][0]</c>.</summary>
public static class JsonPath
{
    /// <summary>The path of field <paramref name="name"/> inside the object at <paramref name="parent"/> (empty: the root).</summary>
    public static string Field(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Length == 0 ? name : $"{parent}.{name}";
    }

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The first name of a path: <c>x</c> for <c>x[2][0]</c>, <c>sgd</c> for <c>sgd.eta</c>.</summary>
    public static string Root(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int cut = path.IndexOfAny(['.', '[']);
        return cut < 0 ? path : path[..cut];
    }
}
