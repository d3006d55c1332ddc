namespace CalcCds.Pathway;

/// <summary>Seed quotes of the clinical-context rules R12–R24 (verbatim from ../shared/seeds/).</summary>
public static partial class Sources
{
    public const string S0PostTraumatic = "S0: \"Post-traumatic calcifications:\" — \"Myositis ossificans\", \"Heterotopic ossification\"";
    public const string S1RemoteTrauma = "S1: \"Many patients may not associate remote trauma with current findings\"";
    public const string S3TraumaHistory = "S3: \"History of trauma to the area (even from many years ago)\"";
    public const string S3Hematoma = "S3: \"Previous hematoma\"";
    public const string S4MoTimeline = "S4: \"Calcification usually becomes apparent within 2-6 weeks, and the lesion reaches the classic well-circumscribed peripherally calcified appearance by 2 months.\"";
    public const string S2Dystrophic = "S2: \"Some foci of dystrophic calcification will go on to actually ossify\"";
    public const string S1CalcificMyonecrosis = "S1: \"Calcific myonecrosis - characterized by peripheral plaque-like calcification in a fusiform mass\"";
    public const string S1MyonecrosisLate = "S1: \"Calcific myonecrosis typically presents many years after the initial injury\"";
    public const string S3MyonecrosisCompartment = "S3: \"Calcific myonecrosis (especially with history of compartment syndrome)\"";
    public const string S2HeadInjury = "S2: \"it is also a common complication of closed head injury, paraplegia or quadriplegia.\"";
    public const string S1ArterialVenous = "S1: \"Differentiate between arterial calcifications (typically linear) and venous calcifications (phleboliths - round with central lucency)\"";
    public const string S1VascularPathology = "S1: \"Calcifications may be a marker of significant vascular pathology\"";
    public const string S1VascularStudies = "S1: \"Consider vascular studies if appropriate\"";
    public const string S1Phleboliths = "S1: \"Phleboliths (calcified thrombi in veins)\"";
    public const string S2PhlebolithHemangioma = "S2: \"Rarely, one may see them in soft tissue hemangiomas.\"";
    public const string S0HemangiomaPhleboliths = "S0: \"Venous calcifications (phleboliths in hemangiomas)\"";
    public const string S1VenousInsufficiency = "S1: \"Chronic venous insufficiency can lead to dystrophic calcification of the calf\"";
    public const string S1UltrasoundVascular = "S1: \"Can distinguish fluid collections, soft tissue masses, and vascular structures\"";
    public const string S2Autoimmune = "S2: \"Autoimmune disorders such as the CREST syndrome or dermatomyositis can also cause soft tissue calcifications.\"";
    public const string S4Scleroderma = "S4: \"Sheetlike soft-tissue calcification in a different patient with scleroderma\"";
    public const string S3SystemicPitfall = "S3: \"Not considering systemic causes of calcification (renal disease, collagen vascular diseases)\"";
    public const string S2Parasitic = "S2: \"Dracunculiasis, on the other hand, forms small crescentic calcifications.\"";
    public const string S4RiceGrain = "S4: \"Typical radiographic features are rice-grain calcifications parallel to the long axis of the soft tissue\"";
    public const string S0Tendon = "S0: \"Intra-tendinous calcifications:\" — \"Hydroxyapatite deposition disease (HADD)\", \"Calcific tendinitis\"";
    public const string S4Cppd = "S4: \"In most cases, intra-articular calcifications are caused by calcium pyrophosphate dihydrate (CPPD) crystal deposition disease.\"";
    public const string S2TumoralCalcinosisLabs = "S2: \"Fifty percent of these patients may have some associated abnormalities in their renal lab work.\"";
    public const string S4SynovialSarcoma = "S4: \"The majority of cases of synovial sarcoma occur in a juxtaarticular location, close to the joint capsule, tendons, and bursa.\"";
    public const string S0Iatrogenic = "S0: \"Examples: calcium-containing contrast media, calcium gluconate injections\"";
    public const string S2InjectionGranuloma = "S2: \"Injection granulomas tend to be focal and densely calcified.\"";
    public const string DvtNotFromSeeds = "Standard practice, not from the seeds (S1's \"If deep vein thrombosis (DVT) is suspected:\" section is empty): compression duplex ultrasound; apply the local DVT pathway.";
}
