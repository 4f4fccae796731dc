using NoiseDrift.Theory.Experiments;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>A theory case by name, built when <see cref="Build"/> is called (<see cref="TheoryBattery.BuiltInDefinitions"/>).</summary>
/// <param name="Name">The case's name, as <see cref="TheoryCase.Name"/> will be.</param>
/// <param name="Build">Builds the case; each call builds it afresh, with the same numbers.</param>
public sealed record CaseDefinition(string Name, Func<TheoryCase> Build);
