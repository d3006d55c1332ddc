using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Rules;

/// <summary>
/// One rule of the decision table (clinical-pathway.md §5). Rules are found by assembly scanning, so adding a rule is
/// adding a class. A rule reads the patient picture and proposes cards; it never talks to FHIR or HTTP.
/// </summary>
public interface IRule
{
    /// <summary>The rule id of §5 (R01, R06b, DQ1, O05…), used in <c>source.topic</c>.</summary>
    string Id { get; }

    /// <summary>The rule's name, used as the topic display.</summary>
    string Name { get; }

    /// <summary>The hooks this rule answers.</summary>
    IReadOnlySet<string> Hooks { get; }

    /// <summary>True for the optional rules that are off unless configuration enables them (R25, O09).</summary>
    bool OptionalOffByDefault => false;

    IEnumerable<RuleCard> Evaluate(PatientPicture picture);
}
