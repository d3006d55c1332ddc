namespace CalcCds.Pathway;

/// <summary>Seed statements and guidelines cited by the laboratory, renal and systemic rules (R09–R11, R25, O07, O09).</summary>
public static partial class Sources
{
    public const string S0LabTesting = "S0: \"Laboratory testing (if systemic cause suspected): - Serum calcium, phosphate, parathyroid hormone - Renal function tests - Inflammatory markers\"";
    public const string S0Metastatic = "S0: \"Metastatic calcification: - Results from abnormal calcium metabolism (hypercalcemia) - Causes: hyperparathyroidism, renal failure, excessive vitamin D\"";
    public const string S0TreatUnderlying = "S0: \"For calcifications associated with systemic disease: - Treat underlying condition (renal disease, hyperparathyroidism) - Monitor for progression\"";
    public const string S3Metastatic = "S3: \"Metastatic Calcification • Associated with abnormal calcium/phosphate metabolism • Check serum calcium and phosphate levels • Consider renal function tests • Common in chronic renal failure\"";
    public const string S2Metastatic = "S2: \"Metastatic calcifications can result from any process with an elevated calcium-phosphate product. Entities such as renal failure, hyperparathyroidism, sarcoidosis, milk-alkali syndrome, etc. can lead to metastatic calcifications.\"";
    public const string S2TumoralCalcinosis = "S2 (tumoral calcinosis): \"Fifty percent of these patients may have some associated abnormalities in their renal lab work.\"";
    public const string S4ChronicRenalFailure = "S4: \"Calcinosis of chronic renal failure is a rare cause of soft tissue calcifications in hemodialysis patients with chronic renal failure.\"";
    public const string S4NormalCalcium = "S4: \"Diffuse soft-tissue calcifications are often due to increased circulating calcium-phosphorous products or systemic processes that lead to deposition of calcium products in soft tissue with a normal serum calcium level.\"";
    public const string S4FiveTypes = "S4: \"It is classified into five main types: dystrophic, metastatic, idiopathic, iatrogenic, and calciphylaxis.\"";
    public const string Kdigo2017Monitoring = "KDIGO 2017 CKD-MBD (secondary summary): in CKD from G3a, monitor serum calcium, phosphate, PTH and alkaline phosphatase; base decisions on trends of Ca, P and PTH together; PTH target about 2–9 × the assay upper limit in G5D";
    public const string Kdoqi2003CaxP = "KDOQI 2003 Guideline 6.5: \"The serum calcium-phosphorus product should be maintained at <55 mg2/dL2. (EVIDENCE)\"";
    public const string Kdoqi2003Calcium = "KDOQI 2003 Guideline 6.3: in CKD stage 5, corrected total calcium > 10.2 mg/dL (2.54 mmol/L) calls for reducing calcium-raising therapy";
    public const string VitaminDToxicity = "Marcinowska-Suchowierska et al., Front Endocrinol 2018;9:550: vitamin D toxicity above 150 ng/mL (375 nmol/L)";
    public const string CorrectedCalcium = "Corrected calcium Ca + 0.8 × (4.0 − albumin g/dL) (K/DOQI-cited formula, Medscape; secondary); the albumin correction is unreliable in CKD/ESRD (Medscape; secondary)";
    public const string SevereHypercalcemia = "Severe hypercalcaemia: corrected calcium ≥ 14.0 mg/dL (3.5 mmol/L) or ionized ≥ 2.5 mmol/L (severity tiers from a secondary summary); the lab's critical flag (HH) counts too";
    public const string FdaGadolinium = "FDA 2007 boxed warning on gadolinium-based contrast agents and nephrogenic systemic fibrosis (secondary: NGC archive page for ACR AC Soft Tissue Masses); agent-group policies not verified: follow local radiology policy";
}
