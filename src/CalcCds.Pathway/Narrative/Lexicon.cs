using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Narrative.NarrativeAttribute;

namespace CalcCds.Pathway.Narrative;

/// <summary>
/// The radiology vocabulary (seeds S0–S4 and the §3.3 pattern table). Phrases use <see cref="TermPattern"/> syntax;
/// hyphenated words arrive split ("ring-and-arc" is "ring and arc").
/// </summary>
internal static class Lexicon
{
    private const string Snomed = SnomedCodes.System;

    /// <summary>
    /// Mentions of the index finding; "soft tissue" belongs to the mention, so that it does not count towards the
    /// distance from a negation trigger. Each also states the matrix (calcification or ossification). Vascular
    /// calcification and phleboliths count: they are soft-tissue calcifications, and R15/R16 need the index finding
    /// to fire at all; their patterns (linear-arterial, phlebolith) keep them out of the sarcoma size triage.
    /// </summary>
    public static readonly IReadOnlyList<Term> Finding =
    [
        .. Terms(Matrix, StcCodes.Systems.Matrix, StcCodes.Matrix.Calcification,
            "~soft ~tissue|tissues calcif*", "calcinosis", "phlebolith*", "chondrocalcinosis", "calciphylaxis",
            "calcium ~hydroxyapatite|pyrophosphate deposit|deposits|deposition"),
        .. Terms(Matrix, StcCodes.Systems.Matrix, StcCodes.Matrix.Ossification,
            "~soft ~tissue|tissues ossif*", "heterotopic bone|ossification", "myositis ossificans"),

        // Growth centres, accessory ossicles and fracture fragments are not soft-tissue mineralization.
        .. Terms(Matrix, StcCodes.Systems.Matrix, null,
            "ossification center|centre|centers|centres", "secondary ossification", "ossific|ossified fragment|fragments|ossicle|ossicles"),
    ];

    public static readonly TermGroup FindingGroup = new(Finding);

    /// <summary>"Mineralization" counts only with soft-tissue context and not as bone mineralization.</summary>
    public static readonly TermPattern Mineralization = new("mineraliz*|mineralis*");

    public static readonly TermPattern SoftTissueContext = new(
        "soft|subcutaneous|subcutis|intramuscular|intermuscular|muscle|muscles|mass|masses|periarticular|tendon|tendons|fascia|fascial");

    public static readonly TermPattern BoneWord = new("bone|bones|osseous|bony|skeletal|normal|normally|well");

    /// <summary>Sentences about lesions inside bone; their calcification is out of scope unless soft tissue is named.</summary>
    public static readonly IReadOnlyList<TermPattern> IntraosseousContext =
    [
        new("intraosseous|intramedullary|enchondroma|enchondromas"),
        new("bone island|islands|infarct|infarcts"),
        new("medullary cavity|canal"),
    ];

    /// <summary>Words that make a sentence about "the lesion" even without the word calcification.</summary>
    public static readonly TermPattern LesionSubject = new(
        "lesion|lesions|focus|foci|density|densities|deposit|deposits|cluster|clusters|mass|masses");

    /// <summary>A sentence opening with a pronoun continues the previous one ("It has increased in size.").</summary>
    public static readonly TermPattern PronounSubject = new("it|this|these|they|which");

    public static readonly TermPattern MassOrLesion = new("mass|masses|lesion|lesions|tumor|tumour|nodule|lump");

    /// <summary>Descriptors read from sentences about the finding or the lesion.</summary>
    public static readonly IReadOnlyList<TermGroup> LesionDescriptors =
    [
        new(Patterns()),
        new(Locations()),
        new(Depths()),
        new(Changes()),
        new(Growths()),
        new(Matrices()),
        new(Distributions()),
        new(Mechanisms()),
    ];

    /// <summary>Descriptors read from any reportable sentence ("The underlying bone is intact.").</summary>
    public static readonly IReadOnlyList<TermGroup> ReportDescriptors = [new(Masses()), new(Bones())];

    public static readonly IReadOnlyList<TermGroup> Anatomy = [new(Lateralities()), new(BodySites())];

    private static List<Term> Patterns()
    {
        var s = StcCodes.Systems.Pattern;
        return
        [
            .. Terms(Pattern, s, StcCodes.Pattern.Stippled, "stippled|stippling|punctate"),
            .. Terms(Pattern, s, StcCodes.Pattern.Eccentric, "eccentric|eccentrically"),
            .. Terms(Pattern, s, StcCodes.Pattern.Popcorn, "popcorn|coarse"),
            .. Terms(Pattern, s, StcCodes.Pattern.Laminated, "laminated|lamellated|lamellar|concentric|layered"),
            .. Terms(Pattern, s, StcCodes.Pattern.Central, "central|centrally"),
            .. Terms(Pattern, s, StcCodes.Pattern.DiffuseIntralesional, "diffuse|diffusely"),
            .. Terms(Pattern, s, StcCodes.Pattern.FineSpeckledDiffuse,
                "~diffuse|diffusely ~and fine|finely ~granular speckled|speckling|stippled", "speckled|speckling"),
            .. Terms(Pattern, s, StcCodes.Pattern.AmorphousFluffyConfluent,
                "amorphous|fluffy|confluent|cloud|cloudlike|osteoid", "amorphous ~and fluffy|confluent"),
            .. Terms(Pattern, s, StcCodes.Pattern.AmorphousDystrophic, "amorphous dystrophic", "dystrophic ~and amorphous"),
            .. Terms(Pattern, s, StcCodes.Pattern.RingAndArc,
                "ring|rings ~and|or arc|arcs", "arc|arcs and|or ring|rings", "chondroid"),
            .. Terms(Pattern, s, StcCodes.Pattern.Phlebolith, "phlebolith*", "~round ~with central lucency|lucencies|lucent"),
            .. Terms(Pattern, s, StcCodes.Pattern.LinearArterial,
                "tram track|tracks|tracking|line|lines", "tramline|tramlines|tramtrack", "linear ~vascular|arterial|vessel",
                "arterial|vascular|atherosclerotic|atheromatous calcif*", "calcified artery|arteries|vessel|vessels|plaque|plaques"),
            .. Terms(Pattern, s, StcCodes.Pattern.RiceGrain, "rice ~like grain|grains|shaped", "rice like"),
            .. Terms(Pattern, s, StcCodes.Pattern.Crescentic, "crescent|crescents|crescentic|serpiginous"),
            .. Terms(Pattern, s, StcCodes.Pattern.SheetLike, "sheet|sheets ~like", "sheetlike"),
            .. Terms(Pattern, s, StcCodes.Pattern.GlobularPeriarticular, "globular", "tumoral calcinosis"),
            .. Terms(Pattern, s, StcCodes.Pattern.PeripheralZonal,
                "zonal ~phenomenon|pattern", "peripheral|peripherally zonal|maturation|maturing|mature|rim|zone|ossif*|mineraliz*|mineralis*|calcif*",
                "mature|maturing from the periphery"),
            .. Terms(Pattern, s, StcCodes.Pattern.PlaquePeripheralFusiform,
                "~peripheral plaque|plaquelike ~like", "calcific myonecrosis"),
            .. Terms(Pattern, s, StcCodes.Pattern.Chondrocalcinosis, "chondrocalcinosis"),
            .. Terms(Pattern, s, StcCodes.Pattern.FocalDenseInjection, "injection granuloma|granulomas"),
            .. Terms(Pattern, s, StcCodes.Pattern.Nonspecific, "nonspecific", "non specific"),
        ];
    }

    private static List<Term> Locations()
    {
        var s = StcCodes.Systems.Location;
        return
        [
            .. Terms(Location, s, StcCodes.Location.Intramuscular,
                "intramuscular|intramuscularly|gastrocnemius|soleus|quadriceps|hamstring|hamstrings", "intra muscular",
                "within|in the|a ~gastrocnemius|soleus|calf|thigh|quadriceps|hamstring muscle|muscles|musculature"),
            .. Terms(Location, s, StcCodes.Location.IntermuscularFascial,
                "intermuscular|interfascial|intrafascial|fascial", "along the ~deep fascia"),
            .. Terms(Location, s, StcCodes.Location.Subcutaneous, "subcutaneous|subcutaneously|subcutis|hypodermis", "sub cutaneous"),
            .. Terms(Location, s, StcCodes.Location.Cutaneous, "cutaneous|dermal|intradermal|skin", "calcinosis cutis"),
            .. Terms(Location, s, StcCodes.Location.Periarticular, "periarticular|juxtaarticular|paraarticular",
                "juxta|para articular", "around the ~knee|ankle joint"),
            .. Terms(Location, s, StcCodes.Location.IntraArticular, "intraarticular|meniscus|menisci|meniscal|chondrocalcinosis",
                "intra articular", "within the ~knee|ankle joint", "joint space", "articular|hyaline cartilage"),
            .. Terms(Location, s, StcCodes.Location.Intratendinous,
                "tendon|tendons|tendinous|intratendinous|achilles|tendinitis|tendonitis|tendinopathy", "intra tendinous"),
            .. Terms(Location, s, StcCodes.Location.Bursal, "bursa|bursae|bursal|bursitis"),
            .. Terms(Location, s, StcCodes.Location.VascularArterial,
                "arterial|artery|arteries|vascular|vessel|vessels|atherosclerotic|atheromatous", "tram track|tracks|line|lines", "tramline|tramlines"),
            .. Terms(Location, s, StcCodes.Location.VascularVenous, "venous|vein|veins|varicose|varices|varicosities|phlebolith*"),

            // A clinical context ("in a patient with venous insufficiency"), not where the calcification lies.
            .. Terms(Location, s, null, "venous|vascular insufficiency|stasis|disease|ulcer|ulcers|ulceration"),
            .. Terms(Location, s, StcCodes.Location.Juxtacortical,
                "juxtacortical|parosteal", "juxta cortical",
                "abut|abuts|abutting|adjacent|contacting|contacts ~to ~the ~adjacent|underlying cortex|cortical|bone|tibia|fibula|femur"),
        ];
    }

    /// <summary>§3.2: deep = below the deep fascia (intramuscular, intermuscular, subfascial); cutaneous or subcutaneous = superficial.</summary>
    private static List<Term> Depths()
    {
        const string s = Snomed;
        return
        [
            .. Terms(Depth, s, SnomedCodes.Depth.Deep,
                "deep|deeply|subfascial|intramuscular|intermuscular|gastrocnemius|soleus|quadriceps|hamstring|hamstrings", "sub fascial", "intra muscular",
                "deep|beneath|below|under ~to ~the ~deep|crural fascia",
                "within|in the|a ~gastrocnemius|soleus|calf|thigh|quadriceps|hamstring muscle|muscles|musculature"),
            .. Terms(Depth, s, SnomedCodes.Depth.Superficial,
                "superficial|superficially|subcutaneous|subcutaneously|subcutis|cutaneous|dermal|intradermal|epifascial|suprafascial|skin",
                "superficial|above to ~the ~deep|crural fascia"),

            // Named vessels and nerves, not depth.
            .. Terms(Depth, s, null, "deep|superficial vein|veins|venous|peroneal|femoral|system"),
        ];
    }

    private static List<Term> Changes()
    {
        const string s = Snomed;
        return
        [
            .. Terms(Change, s, SnomedCodes.Change.Increased,
                "increase|increased|increasing|enlarge|enlarged|enlarging|enlargement|larger|bigger|grown|growing|growth|progressed|progressing|progression|expanding|expanded",
                "rapid|rapidly|quickly ~growing|enlarging|increasing|enlarged|increased|progressive|progressing|growth|enlargement|increase|expansion"),
            .. Terms(Change, s, SnomedCodes.Change.New, "new|newly"),
            .. Terms(Change, s, SnomedCodes.Change.Stable,
                "stable|unchanged|similar",
                "no|without|not ~significant|significantly|appreciable|definite|substantial|interval|further ~interval change|changes|changed",
                "no|without|not ~significant|significantly|appreciable|definite|interval ~interval increase|increased|enlargement|enlarged|growth|progression|progressed"),
            .. Terms(Change, s, SnomedCodes.Change.Decreased,
                "decrease|decreased|decreasing|smaller|regressed|regressing|regression|reduced|reduction|diminished|shrunk|shrinking|resolving"),
            .. Terms(Change, s, null, "new bone", "periosteal new"),
        ];
    }

    private static List<Term> Growths()
    {
        var s = StcCodes.Systems.Growth;
        return
        [
            // Listed first: on equal length the first term wins, and "rapidly enlarging" is rapid, not just increased.
            .. Terms(Growth, s, StcCodes.Growth.Rapid,
                "rapid|rapidly|quickly ~growing|enlarging|increasing|enlarged|increased|progressive|progressing|growth|enlargement|increase|expansion",
                "fast growing|enlarging"),
            .. Changes().Where(t => t.Code is not null).Select(t => t with
            {
                Attribute = Growth,
                System = s,
                Code = t.Code switch
                {
                    SnomedCodes.Change.Increased => StcCodes.Growth.Increased,
                    SnomedCodes.Change.Stable => StcCodes.Growth.Stable,
                    SnomedCodes.Change.Decreased => StcCodes.Growth.Decreased,
                    _ => null,
                },
            }),
        ];
    }

    private static List<Term> Matrices()
    {
        var s = StcCodes.Systems.Matrix;
        return
        [
            .. Finding,
            .. Terms(Matrix, s, StcCodes.Matrix.Ossification,
                "corticomedullary|trabecula|trabeculae|trabecular|trabeculated|trabeculation", "cortex and|with ~a medullary|marrow",
                "medullary|marrow space|cavity", "mature|heterotopic|lamellar bone"),
            .. Terms(Matrix, s, StcCodes.Matrix.ForeignBody, "foreign body|bodies"),
        ];
    }

    private static List<Term> Distributions()
    {
        var s = StcCodes.Systems.Distribution;
        return
        [
            .. Terms(Distribution, s, StcCodes.Distribution.Solitary, "solitary|single|isolated|unifocal"),
            .. Terms(Distribution, s, StcCodes.Distribution.Multifocal, "multifocal|multiple|numerous|scattered|several"),
            .. Terms(Distribution, s, StcCodes.Distribution.Bilateral, "bilateral|bilaterally", "both legs|calves|thighs|knees|ankles|sides|limbs", "both lower legs|limbs|extremities"),
            .. Terms(Distribution, s, StcCodes.Distribution.Generalized, "generalized|generalised|widespread", "throughout the ~soft tissues|tissue"),
            .. Terms(Distribution, s, StcCodes.Distribution.Regional, "regional|regionally"),
        ];
    }

    private static List<Term> Mechanisms()
    {
        var s = StcCodes.Systems.Mechanism;
        return
        [
            .. Terms(Mechanism, s, StcCodes.Mechanism.Dystrophic, "dystrophic"),
            .. Terms(Mechanism, s, StcCodes.Mechanism.Metastatic, "metastatic calcif*|calcinosis"),
            .. Terms(Mechanism, s, StcCodes.Mechanism.Idiopathic, "idiopathic"),
            .. Terms(Mechanism, s, StcCodes.Mechanism.Iatrogenic, "iatrogenic"),
            .. Terms(Mechanism, s, StcCodes.Mechanism.Calciphylaxis, "calciphylaxis"),
        ];
    }

    private static List<Term> Masses()
    {
        const string s = Snomed;
        return
        [
            .. Terms(AssociatedMass, s, SnomedCodes.Presence.Present,
                "mass|masses", "soft tissue tumor|tumour|tumors|tumours|neoplasm"),
            .. Terms(AssociatedMass, s, null, "mass effect", "body mass", "bone|muscle mass"),
        ];
    }

    private static List<Term> Bones()
    {
        var s = StcCodes.Systems.Bone;
        const string boneSubject = "~the ~underlying|adjacent|visualized|visualised|included|imaged bone|bones|cortex|osseous|bony ~structures";
        return
        [
            .. Terms(BoneInvolvement, s, StcCodes.Bone.Destruction,
                "destruction|destructive|lytic|osteolysis|osteolytic|permeative", "moth eaten", "cortical breakthrough|breach"),
            .. Terms(BoneInvolvement, s, StcCodes.Bone.Erosion,
                "erosion|erosions|erosive|erode|erodes|eroded|eroding|scalloping|scalloped"),
            .. Terms(BoneInvolvement, s, StcCodes.Bone.PeriostealReaction,
                "periostitis|codman", "periosteal reaction|reactions|elevation|thickening|new", "periosteal new bone ~formation"),
            .. Terms(BoneInvolvement, s, StcCodes.Bone.Indeterminate,
                "~acute|aggressive|focal|underlying|adjacent|destructive osseous|bony|bone|cortical abnormality|abnormalities|lesion|lesions|involvement|invasion",
                "involvement|invasion of the ~adjacent|underlying bone|bones|cortex|tibia|fibula|femur"),
            .. Terms(BoneInvolvement, s, StcCodes.Bone.None,
                boneSubject + " ~is|are|appear|appears|remain|remains ~otherwise ~grossly intact|normal|unremarkable|preserved",
                "intact ~underlying|adjacent bone|bones|cortex"),

            // "The bones are normal in density" is about mineral density, not involvement.
            .. Terms(BoneInvolvement, s, null,
                boneSubject + " ~is|are|appear|appears ~otherwise normal|unremarkable in density|mineralization|mineralisation|alignment"),
        ];
    }

    private static List<Term> Lateralities()
    {
        const string s = Snomed;
        return
        [
            .. Terms(Laterality, s, SnomedCodes.Laterality.Right, "right|rt"),
            .. Terms(Laterality, s, SnomedCodes.Laterality.Left, "left|lt"),
            .. Terms(Laterality, s, SnomedCodes.Laterality.Bilateral, "bilateral|bilaterally", "both legs|calves|thighs|knees|ankles|sides|limbs|lower"),
        ];
    }

    /// <summary>
    /// §2.1 sites. The foot has no code of its own in the pathway, so foot words map to the lower limb (its true
    /// ancestor, enough for the §1.4 gate "&lt;&lt; 61685007").
    /// </summary>
    private static List<Term> BodySites()
    {
        const string s = Snomed;
        return
        [
            .. Terms(BodySite, s, SnomedCodes.BodySite.Calf, "calf|calves|gastrocnemius|soleus|sural"),
            .. Terms(BodySite, s, SnomedCodes.BodySite.LowerLeg,
                "lower|distal leg|legs", "tibia|tibial|fibula|fibular|tibiofibular|shin|shins|crural", "tib|tibia ~and fib|fibula"),
            .. Terms(BodySite, s, SnomedCodes.BodySite.Thigh, "thigh|thighs|femur|femoral|quadriceps|hamstring|hamstrings|vastus|adductor|adductors"),
            .. Terms(BodySite, s, SnomedCodes.BodySite.Knee,
                "knee|knees|patella|patellar|popliteal|prepatellar|infrapatellar|suprapatellar|meniscus|menisci|meniscal",
                "tibial plateau|plateaus", "distal femur|femoral", "femoral condyle|condyles"),
            .. Terms(BodySite, s, SnomedCodes.BodySite.Ankle,
                "ankle|ankles|malleolus|malleoli|malleolar|achilles|talus|talar|tibiotalar|mortise"),
            .. Terms(BodySite, s, SnomedCodes.BodySite.LowerLimb,
                "leg|legs", "lower limb|limbs|extremity|extremities",
                "foot|feet|heel|heels|toe|toes|calcaneus|calcaneal|forefoot|hindfoot|midfoot|metatarsal|metatarsals"),
        ];
    }

    private static IEnumerable<Term> Terms(NarrativeAttribute attribute, string system, string? code, params string[] patterns) =>
        patterns.Select(p => new Term(new TermPattern(p), attribute, system, code));
}
