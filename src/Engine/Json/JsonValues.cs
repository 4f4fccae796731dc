using System.Text.Json;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Json;

/// <summary>
/// Typed reads of JSON values (spec files, the model codec). Every failure is an <see cref="InvalidInputException"/>
/// naming the JSON path it was given and showing the offending value.
/// </summary>
public static class JsonValues
{
    private const int ShownLength = 40;

    /// <summary>The raw JSON text of a value, shortened for error messages.</summary>
    public static string Show(JsonElement element)
    {
        string raw = element.GetRawText();
        return raw.Length <= ShownLength ? raw : raw[..(ShownLength - 3)] + "...";
    }

    /// <summary>An integer of at least <paramref name="min"/>.</summary>
    public static int WholeNumber(JsonElement element, string path, int min)
    {
        if (element.ValueKind != JsonValueKind.Number)
            throw new InvalidInputException(path, $"expected an integer, got {Show(element)}");
        if (!element.TryGetInt32(out int value))
        {
            // An integer in exponent or decimal form (1e9, 4.0) is the integer it denotes; only its range is checked.
            if (!element.TryGetDouble(out double number) || !double.IsFinite(number) || Math.Floor(number) != number)
                throw new InvalidInputException(path, $"expected an integer, got {Show(element)}");
            if (number > int.MaxValue)
                throw new InvalidInputException(path, $"must be at most {int.MaxValue}, got {Show(element)}");
            if (number < int.MinValue)
                throw new InvalidInputException(path, $"must be at least {min}, got {Show(element)}");
            value = (int)number;
        }
        if (value < min)
            throw new InvalidInputException(path, $"must be at least {min}, got {value}");
        return value;
    }

    /// <summary>A non-negative 64-bit integer (seeds).</summary>
    public static ulong NonNegative(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetUInt64(out ulong value))
            throw new InvalidInputException(path, $"expected a non-negative integer, got {Show(element)}");
        return value;
    }

    /// <summary>A finite number.</summary>
    public static double Number(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out double value) || !double.IsFinite(value))
            throw new InvalidInputException(path, $"expected a finite number, got {Show(element)}");
        return value;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new InvalidInputException(path, $"expected true or false, got {Show(element)}"),
    };

    /// <summary>A string.</summary>
    public static string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new InvalidInputException(path, $"expected a string, got {Show(element)}");

    /// <summary>An array, read element by element with its index path.</summary>
    public static T[] Array<T>(JsonElement element, string path, Func<JsonElement, string, T> read, int minLength = 0) =>
        Array(element, path, (item, itemPath, _) => read(item, itemPath), minLength);

    /// <summary>An array, read element by element with its index path and its index.</summary>
    public static T[] Array<T>(JsonElement element, string path, Func<JsonElement, string, int, T> read, int minLength = 0)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new InvalidInputException(path, $"expected an array, got {Show(element)}");
        int length = element.GetArrayLength();
        if (length < minLength)
            throw new InvalidInputException(path, $"must have at least {minLength} element(s), got {length}");
        var result = new T[length];
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            result[i] = read(item, JsonPath.Item(path, i), i);
            i++;
        }
        return result;
    }

    /// <summary>An array of finite numbers.</summary>
    public static double[] Numbers(JsonElement element, string path, int minLength = 0) =>
        Array(element, path, Number, minLength);
}
