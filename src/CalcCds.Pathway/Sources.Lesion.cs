namespace CalcCds.Pathway;

/// <summary>The seed statements and guidelines the lesion, red-flag and imaging cards cite (verbatim from ../shared/seeds/).</summary>
public static partial class Sources
{
    public const string S0ReferralFeatures = "S0 (000_3dc2fe2d68cc5aaf.txt): \"Consider referral to specialist if: - Large size (>5 cm) - Deep location - Rapid growth - Painful - Associated with bone destruction\"";
    public const string S0Stippled = "S0: \"Stippled or eccentric patterns require further evaluation\"";
    public const string S3SarcomaCentre = "S3 (003_c4b964d2442077c9.txt): \"Referral to a sarcoma center for multidisciplinary evaluation\"; \"Consider biopsy using core needle technique (≥14-16G)\"";
    public const string S3ConcerningFeatures = "S3: \"Deep location (below fascia)\"; \"Size >5cm\"; \"Rapid growth\"; \"Associated pain without clear cause\"";
    public const string S3BiopsyTract = "S3: \"The biopsy pathway should be planned so that the biopsy tract can be safely removed during definitive surgery if malignancy is found\"";
    public const string S3FrozenSection = "S3: \"Avoid frozen section diagnosis as it may underestimate tumor grade\"";
    public const string S3Incidence = "S3: \"Soft tissue sarcomas are rare (incidence of 4-5/100,000/year) but must be considered\"";
    public const string S1NotAllBenign = "S1 (001_0a021f071ae52263.txt): \"Don't assume all calcifications are benign - Soft tissue sarcomas can contain calcifications\"";
    public const string S2Osteosarcoma = "S2 (002_d49bf4de922d9fd4.txt): \"Metastatic osteosarcoma amorphous, fluffy, confluent collection of Ca++\"";
    public const string S0BoneDestruction = "S0: \"Associated with bone destruction\"";
    public const string Esmo2014 = "ESMO 2014 (Ann Oncol 25 Suppl 3): refer \"all patients with an unexplained deep mass of soft tissues, or with a superficial lesion of soft tissues having a diameter of >5 cm\"; ESMO–EURACAN: \"≥5 cm\"";
    public const string Ng12 = "NICE NG12 (secondary sources): urgent direct-access ultrasound within 2 weeks for an unexplained lump that is increasing in size";
    public const string UkSarcoma2024 = "UK sarcoma guideline 2024 (BJC), Table 2: direct-access US within 2 weeks for an enlarging lump; percutaneous core biopsy; MRI before definitive surgery";
    public const string S0ClassicBenign = "S0: \"No additional evaluation if asymptomatic with classic benign patterns\"; \"Diffuse, central, or laminated patterns often suggest benign etiology\"";
    public const string S1ClassicBenign = "S1: \"If calcification appears benign on X-ray with classic patterns (diffuse, central, laminated, popcorn):\"; \"No additional evaluation necessary\"";
    public const string S3SmallBenign = "S3: \"If calcification is small, asymptomatic, and clearly benign: • Observation with follow-up imaging in 3-6 months to ensure stability\"";
    public const string S3Conservative = "S3: \"If calcification is symptomatic but benign-appearing: • Conservative management with: • Anti-inflammatory medications • Physical therapy • Local steroid injections if inflammation is present\"";
    public const string S0FollowUpSymptomatic = "S0: \"For benign-appearing calcifications: - Clinical follow-up if symptomatic\"";
    public const string S1Ultrasound = "S1: \"If calcification is non-specific or concerning: - Proceed with ultrasound evaluation - If ultrasound is inconclusive, proceed to MRI or CT based on suspected pathology\"";
    public const string S1UltrasoundFirst = "S1: \"Ultrasound (preferred initial advanced imaging) - Highly recommended for suspected soft tissue abnormalities\"";
    public const string AcrVariant1 = "ACR Appropriateness Criteria, Soft-Tissue Masses, Variant 1: radiography and US usually appropriate; MRI without and with IV contrast usually not appropriate as the initial study";
    public const string S0Ct = "S0: \"CT is the optimal imaging method to characterize mineralization patterns\"";
    public const string S1Ct = "S1 (CT scan): \"Optimal for characterizing mineralization patterns\"; \"Can distinguish ossification from calcification\"";
    public const string S1Mri = "S1: \"If soft tissue mass is suspected:\"; \"MRI is the technique of choice for characterization\"";
    public const string S3Mri = "S3: \"MRI: Consider if soft tissue mass is suspected\"";
    public const string S4Liposarcoma = "S4 (004_9760c53e8367c4a6.txt): \"Again, areas of calcification may be present although are more frequently associated with well-differentiated liposarcoma\"";
    public const string S2TreatmentNecrosis = "S2: \"Following chemotherapy or radiation therapy, a soft tissue tumor may calcify, due to tumor necrosis.\"";
    public const string S3SingleModality = "S3: \"Relying on a single imaging modality when multiple may be needed for complete characterization\"";
}
