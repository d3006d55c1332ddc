using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;
using CalcCds.Pathway.Picture;
using Microsoft.Extensions.Options;

namespace CalcCds.Pathway;

/// <summary>
/// The three CDS services of CalcCds and their prefetch templates (clinical-pathway.md §1.5, trimmed per hook to what
/// its rules read). Dates and statuses are filtered inside the service, because prefetch tokens cannot do date
/// arithmetic. <c>symptoms</c> is our addition to §1.5: §2.6 records pain and palpable mass as exam/survey
/// Observations, which no §1.5 template returns. The order hooks read the lesion's red flags too (pain and palpable
/// mass: <c>symptoms</c>; KNOWN_SARCOMA_CARE: <c>conditions</c>, <c>encounters</c>), and order-select's O06/O07 read
/// Conditions (new trauma since the index, CKD).
/// </summary>
public sealed class PathwayServices : ICdsServiceCatalog
{
    public const string PatientViewId = "calccds-patient-view";
    public const string OrderSelectId = "calccds-order-select";
    public const string OrderSignId = "calccds-order-sign";

    private const string Disclaimer =
        " A design aid, not validated clinical content: the deploying organisation's clinical owner signs off before production use.";

    private static readonly Dictionary<string, string> Templates = new(StringComparer.Ordinal)
    {
        [PrefetchKeys.Patient] = "Patient/{{context.patientId}}",
        [PrefetchKeys.Conditions] = "Condition?patient={{context.patientId}}",
        [PrefetchKeys.Labs] = "Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=200",
        [PrefetchKeys.ImagingObservations] = "Observation?patient={{context.patientId}}&category=imaging&_sort=-date&_count=50",
        [PrefetchKeys.Symptoms] = "Observation?patient={{context.patientId}}&category=exam,survey&_sort=-date&_count=50",
        [PrefetchKeys.RadiologyReports] = "DiagnosticReport?patient={{context.patientId}}&category=http://terminology.hl7.org/CodeSystem/v2-0074|RAD&_sort=-date&_count=30",
        [PrefetchKeys.ImagingStudies] = "ImagingStudy?patient={{context.patientId}}&_sort=-started&_count=30",
        [PrefetchKeys.ServiceRequests] = "ServiceRequest?patient={{context.patientId}}&_sort=-authored&_count=100",
        [PrefetchKeys.Procedures] = "Procedure?patient={{context.patientId}}",
        [PrefetchKeys.MedicationRequests] = "MedicationRequest?patient={{context.patientId}}&status=active",
        [PrefetchKeys.Encounters] = "Encounter?patient={{context.patientId}}&_sort=-date&_count=50",
    };

    private readonly List<CdsServiceDefinition> services;

    public PathwayServices(IOptions<PathwayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parameters = options.Value.Describe();
        services =
        [
            new(
                PatientViewId,
                HookDefinitions.PatientView,
                "Soft-tissue calcification triage (leg/calf radiograph)",
                "When the chart of a patient with a soft-tissue calcification on a lower-limb radiograph opens, proposes the next step: nothing more for classic benign patterns, ultrasound/CT/MRI for non-specific or concerning ones, labs when a systemic cause is suspected, sarcoma-centre referral for red flags." + Disclaimer,
                Pick(PrefetchKeys.Patient, PrefetchKeys.Conditions, PrefetchKeys.Labs, PrefetchKeys.ImagingObservations, PrefetchKeys.Symptoms, PrefetchKeys.RadiologyReports, PrefetchKeys.ImagingStudies, PrefetchKeys.ServiceRequests, PrefetchKeys.Procedures, PrefetchKeys.MedicationRequests, PrefetchKeys.Encounters))
            {
                UsageRequirements = parameters,
            },
            new(
                OrderSelectId,
                HookDefinitions.OrderSelect,
                "Soft-tissue calcification: imaging and lab order advice",
                "While imaging or lab orders for a calcified leg lesion are chosen: ultrasound before MRI, CT rather than a repeat radiograph, a complete systemic lab panel, and the side of the lesion." + Disclaimer,
                Pick(PrefetchKeys.Patient, PrefetchKeys.Conditions, PrefetchKeys.Labs, PrefetchKeys.ImagingObservations, PrefetchKeys.Symptoms, PrefetchKeys.RadiologyReports, PrefetchKeys.ImagingStudies, PrefetchKeys.ServiceRequests, PrefetchKeys.Encounters))
            {
                UsageRequirements = parameters,
            },
            new(
                OrderSignId,
                HookDefinitions.OrderSign,
                "Soft-tissue calcification: biopsy safety checks before signing",
                "Before a biopsy or excision of a calcified leg lesion is signed: sarcoma-centre referral first for red-flag lesions, core needle technique, no frozen section, and the side of the lesion." + Disclaimer,
                Pick(PrefetchKeys.Patient, PrefetchKeys.Conditions, PrefetchKeys.Labs, PrefetchKeys.ImagingObservations, PrefetchKeys.Symptoms, PrefetchKeys.RadiologyReports, PrefetchKeys.ImagingStudies, PrefetchKeys.ServiceRequests, PrefetchKeys.Procedures, PrefetchKeys.Encounters))
            {
                UsageRequirements = parameters,
            },
        ];
    }

    public IReadOnlyList<CdsServiceDefinition> Services => services;

    public CdsServiceDefinition? Find(string id) => services.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    private static Dictionary<string, string> Pick(params string[] keys) => keys.ToDictionary(k => k, k => Templates[k], StringComparer.Ordinal);
}
