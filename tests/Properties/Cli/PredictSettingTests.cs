using System.Text.Json.Nodes;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// <c>noisedrift predict</c> on the example spec of each of the paper's settings (docs/theory.md §4): the JSON has
/// <c>closed_form</c> with the general route's field names, agreeing with them to 1e-10 relative, and the setting's own
/// quantities; the table shows them; <c>data.ground_truth</c> is validated like every field (exit 2 naming the path).
/// </summary>
public class PredictSettingTests
{
    public static TheoryData<string, string, string> Examples => new()
    {
        { "matrix-sensing.json", "matrix_sensing", "ground_truth_error" },
        { "relu1d.json", "relu1d", "balance_ratios" },
        { "sigmoid2.json", "sigmoid2", "reg_lower_bound" },
        { "quadratic.json", "quadratic", "weighted_l1" },
        { "quadratic-signed.json", "quadratic_signed", "weighted_l1" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Closed_form_agrees_with_the_general_route(string example, string kind, string quantity)
    {
        using var spec = SpecFile.Example(example);
        var run = CliRun.Of("predict", "--spec", spec.Path, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var o = JsonNode.Parse(run.Out)!.AsObject();
        var closed = o["closed_form"]!.AsObject();
        Assert.Equal(["reg", "grad_reg", "p_grad_reg", "drift_leading", "drift_exact"], closed.Select(f => f.Key));
        double gradScale = Norm(o["grad_reg"]!.AsArray());
        double driftScale = Norm(o["drift_leading"]!.AsArray());
        Close(o["reg"]!, closed["reg"]!, o["reg"]!.GetValue<double>());
        foreach (var (field, scale) in new[] { ("grad_reg", gradScale), ("p_grad_reg", gradScale), ("drift_leading", driftScale), ("drift_exact", driftScale) })
        {
            var general = o[field]!.AsArray();
            var symbolic = closed[field]!.AsArray();
            Assert.Equal(general.Count, symbolic.Count);
            for (int k = 0; k < general.Count; k++) Close(general[k]!, symbolic[k]!, scale);
        }
        Assert.InRange(o["closed_form_agreement"]!.GetValue<double>(), 0, 1e-10);
        Assert.Equal(kind, o["setting"]!["kind"]!.GetValue<string>());
        Assert.NotNull(o["setting"]![quantity]);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Table_shows_the_closed_form_and_the_setting(string example, string kind, string quantity)
    {
        using var spec = SpecFile.Example(example);
        var run = CliRun.Of("predict", "--spec", spec.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"closed form ({kind}", run.Out, StringComparison.Ordinal);
        Assert.Contains("closed_form.drift_exact", run.Out, StringComparison.Ordinal);
        Assert.Contains(quantity, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_models_have_no_closed_form()
    {
        using var spec = SpecFile.TinyTanh();
        var o = JsonNode.Parse(CliRun.Of("predict", "--spec", spec.Path, "--json").Out)!.AsObject();
        Assert.Null(o["closed_form"]);
        Assert.Null(o["setting"]);
    }

    public static TheoryData<string, string> BadGroundTruths => new()
    {
        { """[[1, 0], [0, 1]]""", "data.ground_truth[0]" },
        { """[[1, 0, 0], [0, 1, 0]]""", "data.ground_truth" },
        { """[[1, 0, 0], [0, 1], [0, 0, 1]]""", "data.ground_truth[1]" },
        { """[[1, 0, 0], [0, "a", 0], [0, 0, 1]]""", "data.ground_truth[1][1]" },
        { """[[1, 0.5, 0], [0, 1, 0], [0, 0, 1]]""", "data.ground_truth[0][1]" },
        { """[[-1, 0, 0], [0, 1, 0], [0, 0, 1]]""", "data.ground_truth" },
        { "7", "data.ground_truth" },
    };

    [Theory]
    [MemberData(nameof(BadGroundTruths))]
    public void Bad_ground_truth_exits_two_naming_the_path(string value, string path)
    {
        using var spec = SpecFile.Example("matrix-sensing.json", root => root["data"]!["ground_truth"] = JsonNode.Parse(value));
        var run = CliRun.Of("predict", "--spec", spec.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"noisedrift: {path}:", run.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Ground_truth_is_an_unknown_field_for_other_models()
    {
        using var spec = SpecFile.Example("relu1d.json", root => root["data"]!["ground_truth"] = JsonNode.Parse("[[1]]"));
        var run = CliRun.Of("predict", "--spec", spec.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("data.ground_truth", run.Error, StringComparison.Ordinal);
    }

    private static void Close(JsonNode expected, JsonNode actual, double scale)
    {
        double e = expected.GetValue<double>(), a = actual.GetValue<double>();
        Assert.True(Math.Abs(e - a) <= 1e-10 * scale, $"general {e:R}, closed form {a:R}, scale {scale:G3}");
    }

    private static double Norm(JsonArray values) => Math.Sqrt(values.Sum(v => v!.GetValue<double>() * v!.GetValue<double>()));
}
