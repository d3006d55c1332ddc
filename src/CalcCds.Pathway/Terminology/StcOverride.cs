namespace CalcCds.Pathway.Terminology;

/// <summary>
/// Codes of <c>stc-override</c> (<see cref="StcCodes.Systems.Override"/>): the reasons a clinician may give for not
/// following a card (CDS Hooks 2.0 <c>overrideReasons</c>, §5 R01 and O01, §6.2). Published in
/// terminology/CodeSystem-stc-override.json; a test keeps code and CodeSystem in step.
/// </summary>
public static class StcOverride
{
    public const string AlreadyDiscussedWithSarcomaCenter = "already-discussed-with-sarcoma-center";
    public const string BenignOnCrossSectional = "benign-on-cross-sectional";
    public const string PatientDeclines = "patient-declines";
    public const string BiopsyPlannedWithSarcomaMdt = "biopsy-planned-with-sarcoma-mdt";
    public const string PerformingTeamIsSarcomaCenter = "performing-team-is-sarcoma-center";
    public const string LesionBenignOnMri = "lesion-benign-on-mri";
    public const string PatientDeclinedReferral = "patient-declined-referral";
    public const string DescriptorsDocumentedElsewhere = "descriptors-documented-elsewhere";
    public const string RadiologyAlreadyContacted = "radiology-already-contacted";
    public const string NotApplicable = "not-applicable";
    public const string AlreadyAddressed = "already-addressed";
    public const string Other = "other";
}
