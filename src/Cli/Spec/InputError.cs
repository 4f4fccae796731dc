using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>The one-line text of an <see cref="InvalidInputException"/>, without the <c>(Parameter '…')</c> suffix.</summary>
public static class InputError
{
    /// <summary><c>field: problem</c>.</summary>
    public static string Line(InvalidInputException e) => $"{e.Field}: {Problem(e)}";

    /// <summary>The problem alone, without the field.</summary>
    public static string Problem(InvalidInputException e)
    {
        string message = e.Message;
        string suffix = $" (Parameter '{e.ParamName}')";
        if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
        string prefix = e.Field + ": ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }
}
