using CalcCds.Fhir.Model;
using CalcCds.Pathway.Labs;

namespace CalcCds.Pathway.Picture;

/// <summary>
/// The laboratory, renal and systemic facts of clinical-pathway.md §4.1–§4.4, computed once on first use from the
/// <c>labs</c>, <c>conditions</c>, <c>procedures</c>, <c>medRequests</c> and <c>encounters</c> prefetch.
/// </summary>
public sealed partial record PatientPicture
{
    private LabHistory? labHistory;
    private RenalStatus? renal;
    private IReadOnlyList<MineralMedication>? mineralMedications;
    private LabFacts? labs;
    private SystemicFacts? systemic;

    /// <summary>Every usable lab result (status-filtered, unit-converted, deduplicated) and the data-quality notes.</summary>
    public LabHistory LabHistory => labHistory ??= LabReader.Read(Prefetch.Resources<Observation>(PrefetchKeys.Labs));

    /// <summary><c>EGFR_LATEST</c>, <c>CKD_STAGE</c>, dialysis, <c>AKI_ACTIVE</c> (§4.3).</summary>
    public RenalStatus Renal => renal ??= RenalStatus.Assess(this, LabHistory);

    /// <summary>Mineral-metabolism drugs (vitamin D, calcium salts, calcimimetics) from MedicationRequests.</summary>
    public IReadOnlyList<MineralMedication> MineralMedications => mineralMedications ??= global::CalcCds.Pathway.Labs.MineralMedications.Read(this);

    /// <summary>Calcium hierarchy and the mineral flags of §4.1–§4.2, with the §7.2 recency windows.</summary>
    public LabFacts Labs => labs ??= LabFacts.Assess(LabHistory, Recency.Assess(this, Renal, MineralMedications), Renal, Options.Labs);

    /// <summary><c>SYSTEMIC_SUSPECT</c> and <c>SYSTEMIC_LABS_COMPLETE</c> (§4.4).</summary>
    public SystemicFacts Systemic => systemic ??= SystemicFacts.Assess(this, Labs, Renal, MineralMedications);
}
