using CalcCds.Pathway.Lesion;

namespace CalcCds.Pathway.Picture;

/// <summary>
/// The lesion area's derived facts (§4.5–§4.7): red flags per index lesion, KNOWN_SARCOMA_CARE, and the prior
/// imaging flags. Computed once, on first use.
/// </summary>
public sealed partial record PatientPicture
{
    private IReadOnlyList<LesionAssessment>? lesions;
    private SarcomaCareStatus? sarcomaCare;

    /// <summary>One red-flag assessment per index finding, in the order of <see cref="IndexFindings"/>.</summary>
    public IReadOnlyList<LesionAssessment> Lesions => lesions ??= AssessLesions();

    /// <summary>KNOWN_SARCOMA_CARE (§4.7), with the facts that establish it.</summary>
    public SarcomaCareStatus KnownSarcomaCare => sarcomaCare ??= SarcomaCare.Assess(this);

    /// <summary>PRIOR_US / PRIOR_CT / PRIOR_MR (§4.7) for the lesion, within the configured window (default 90 days).</summary>
    public PriorStudy? PriorImaging(IndexFinding finding, ImagingModality modality, int? withinDays = null) =>
        Lesion.PriorImaging.Find(this, finding, modality, withinDays ?? Options.Lesion.PriorImagingDays);

    /// <summary>The assessment of a given index finding.</summary>
    public LesionAssessment? LesionFor(IndexFinding finding)
    {
        var all = Lesions;
        for (var i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i].Index, finding))
            {
                return all[i];
            }
        }

        return null;
    }

    private LesionAssessment[] AssessLesions()
    {
        var findings = IndexFindings;
        var assessed = new LesionAssessment[findings.Count];
        for (var i = 0; i < assessed.Length; i++)
        {
            assessed[i] = RedFlagAssessor.Assess(findings[i], this);
        }

        return assessed;
    }
}
