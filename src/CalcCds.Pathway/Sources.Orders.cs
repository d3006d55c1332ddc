namespace CalcCds.Pathway;

/// <summary>Seed statements the order-entry rules O01–O08 cite (verbatim from ../shared/seeds/).</summary>
public static partial class Sources
{
    public const string S3BiopsyPlanning = "S3: \"For deeper or larger lesions: referral to sarcoma center for proper biopsy planning\"";
    public const string S3BiopsyPitfall = "S3: \"Performing biopsy without proper planning and consultation with specialists when malignancy is a consideration\"";
    public const string S1BiopsyAfterImaging = "S1: \"Consider biopsy if imaging suggests malignancy\"";
    public const string S3ExcisionalSmall = "S3: \"For superficial lesions <3cm: excisional biopsy may be appropriate\"";
    public const string S3CoreNeedle = "S3: \"Consider biopsy using core needle technique (≥14-16G)\"";
    public const string FnaSecondary = "FNA is not recommended for primary diagnosis outside expert centres (secondary summaries of ESMO; not in the seeds)";
    public const string Uk2024CoreBiopsy = "UK sarcoma guideline 2024 (BJC), Table 2: pre-treatment diagnosis by percutaneous core biopsy, reviewed by a specialist sarcoma pathologist";
    public const string MdpiExcisional = "MDPI Cancers 2021 (secondary): excisional biopsy only for small (<3 cm) epifascial tumours; some secondary ESMO summaries say < 5 cm";
    public const string S1UltrasoundThenMri = "S1: \"If calcification is non-specific or concerning: - Proceed with ultrasound evaluation - If ultrasound is inconclusive, proceed to MRI or CT\"";
    public const string S3CtCalcified = "S3: \"CT scan: Indicated for calcified lesions\"";
    public const string S1NotXrayAlone = "S1: \"Don't rely solely on X-ray for definitive diagnosis\"";
    public const string S4DifferentAngle = "S4: \"In such cases, the patient's history, a clinical examination, radiography at a different angle, or advanced imaging techniques may be useful\"";
    public const string LateralityCheck = "Data-quality safety check, no seed basis (§5 O08); the S3 case is explicitly \"inferior right calf\", which is why laterality is carried throughout";
}
