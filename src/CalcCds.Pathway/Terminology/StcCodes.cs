namespace CalcCds.Pathway.Terminology;

/// <summary>
/// The local CalcCds code systems (Product decision 1; clinical-pathway §3.2–§3.3). Every stc-* system URI and
/// code used in the code base comes from here, so a re-based canonical or a renamed code changes in one place.
/// </summary>
public static class StcCodes
{
    /// <summary>Canonical base of the local code systems; a deployment may re-base it, the codes stay.</summary>
    public const string BaseUri = "http://calccds.org/fhir/CodeSystem/";

    /// <summary>System URIs, one per concept group.</summary>
    public static class Systems
    {
        public const string Stc = BaseUri + "stc";
        public const string Attr = BaseUri + "stc-attr";
        public const string Pattern = BaseUri + "stc-pattern";
        public const string Location = BaseUri + "stc-location";
        public const string Depth = BaseUri + "stc-depth";
        public const string SizeBasis = BaseUri + "stc-size-basis";
        public const string Growth = BaseUri + "stc-growth";
        public const string Bone = BaseUri + "stc-bone";
        public const string Matrix = BaseUri + "stc-matrix";
        public const string Distribution = BaseUri + "stc-dist";
        public const string Mechanism = BaseUri + "stc-mech";
        public const string Order = BaseUri + "stc-order";
        public const string Override = BaseUri + "stc-override";
    }

    /// <summary>Codes of <see cref="Systems.Stc"/>: the findings themselves.</summary>
    public static class Finding
    {
        public const string SoftTissueCalcification = "soft-tissue-calcification";
        public const string SoftTissueMass = "soft-tissue-mass";
    }

    /// <summary>Component codes of <see cref="Systems.Attr"/>.</summary>
    public static class Attr
    {
        public const string Pattern = "pattern";
        public const string Location = "location";
        public const string Depth = "depth";
        public const string LesionMaxDimension = "lesion-max-dimension";
        public const string SizeBasis = "size-basis";
        public const string AssociatedMass = "associated-mass";
        public const string Change = "change";
        public const string Growth = "growth";
        public const string Pain = "pain";
        public const string PainUnexplained = "pain-unexplained";
        public const string BoneInvolvement = "bone-involvement";
        public const string Matrix = "matrix";
        public const string Distribution = "distribution";
        public const string Mechanism = "mechanism";
    }

    /// <summary>Codes of <see cref="Systems.Pattern"/> (§3.3 table).</summary>
    public static class Pattern
    {
        public const string DiffuseIntralesional = "diffuse-intralesional";
        public const string Central = "central";
        public const string Laminated = "laminated";
        public const string Popcorn = "popcorn";
        public const string Stippled = "stippled";
        public const string Eccentric = "eccentric";
        public const string PeripheralZonal = "peripheral-zonal";
        public const string Phlebolith = "phlebolith";
        public const string LinearArterial = "linear-arterial";
        public const string RiceGrain = "rice-grain";
        public const string Crescentic = "crescentic";
        public const string FineSpeckledDiffuse = "fine-speckled-diffuse";
        public const string GlobularPeriarticular = "globular-periarticular";
        public const string AmorphousFluffyConfluent = "amorphous-fluffy-confluent";
        public const string SheetLike = "sheet-like";
        public const string PlaquePeripheralFusiform = "plaque-peripheral-fusiform";
        public const string AmorphousDystrophic = "amorphous-dystrophic";
        public const string Chondrocalcinosis = "chondrocalcinosis";
        public const string FocalDenseInjection = "focal-dense-injection";
        public const string RingAndArc = "ring-and-arc";
        public const string Nonspecific = "nonspecific";
    }

    /// <summary>Codes of <see cref="Systems.Location"/>.</summary>
    public static class Location
    {
        public const string IntraArticular = "intra-articular";
        public const string Periarticular = "periarticular";
        public const string Intratendinous = "intratendinous";
        public const string Bursal = "bursal";
        public const string VascularArterial = "vascular-arterial";
        public const string VascularVenous = "vascular-venous";
        public const string WithinMass = "within-mass";
        public const string Cutaneous = "cutaneous";
        public const string Subcutaneous = "subcutaneous";
        public const string Intramuscular = "intramuscular";
        public const string IntermuscularFascial = "intermuscular-fascial";
        public const string Juxtacortical = "juxtacortical";
    }

    /// <summary>Codes of <see cref="Systems.Depth"/>; deep and superficial themselves are SNOMED (§3.2).</summary>
    public static class Depth
    {
        public const string Indeterminate = "indeterminate";
    }

    /// <summary>Codes of <see cref="Systems.SizeBasis"/>.</summary>
    public static class SizeBasis
    {
        public const string Mass = "mass";
        public const string CalcificationExtent = "calcification-extent";
        public const string Unknown = "unknown";
    }

    /// <summary>Codes of <see cref="Systems.Growth"/>.</summary>
    public static class Growth
    {
        public const string Rapid = "rapid";
        public const string Increased = "increased";
        public const string Stable = "stable";
        public const string Decreased = "decreased";
        public const string Unknown = "unknown";
    }

    /// <summary>Codes of <see cref="Systems.Bone"/>.</summary>
    public static class Bone
    {
        public const string None = "none";
        public const string AbutsNoChange = "abuts-no-change";
        public const string PeriostealReaction = "periosteal-reaction";
        public const string Erosion = "erosion";
        public const string Destruction = "destruction";
        public const string Indeterminate = "indeterminate";
    }

    /// <summary>Codes of <see cref="Systems.Matrix"/>.</summary>
    public static class Matrix
    {
        public const string Calcification = "calcification";
        public const string Ossification = "ossification";
        public const string Indeterminate = "indeterminate";
        public const string ForeignBody = "foreign-body";
    }

    /// <summary>Codes of <see cref="Systems.Distribution"/>.</summary>
    public static class Distribution
    {
        public const string Solitary = "solitary";
        public const string Multifocal = "multifocal";
        public const string Regional = "regional";
        public const string Generalized = "generalized";
        public const string Bilateral = "bilateral";
    }

    /// <summary>Codes of <see cref="Systems.Mechanism"/>.</summary>
    public static class Mechanism
    {
        public const string Dystrophic = "dystrophic";
        public const string Metastatic = "metastatic";
        public const string Idiopathic = "idiopathic";
        public const string Iatrogenic = "iatrogenic";
        public const string Calciphylaxis = "calciphylaxis";
    }

    /// <summary>Codes of <see cref="Systems.Order"/>.</summary>
    public static class Order
    {
        public const string SarcomaMdtReferral = "sarcoma-mdt-referral";
        public const string NeedleGauge = "needle-gauge";
    }
}
