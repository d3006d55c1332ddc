using System.Security.Cryptography;
using System.Text;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Evaluation;

/// <summary>
/// A stable pseudonym for "this patient on this FHIR server": SHA-256 (hex) of the server URL and the patient id. The
/// evaluation log stores it instead of the id, so repeat suppression can find a patient's earlier cards without the
/// log holding anything that names the patient. Patient ids are only unique per server, hence the server in the key;
/// a call without <c>fhirServer</c> (everything prefetched) uses the empty string for it.
/// </summary>
public static class PatientKey
{
    /// <summary>The key for the call's <c>context.patientId</c>, or null when the call names no patient.</summary>
    public static string? For(CdsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Context.PatientId is { Length: > 0 } patientId ? For(request.FhirServer, patientId) : null;
    }

    public static string For(Uri? fhirServer, string patientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        // A trailing slash is not a different server.
        var server = fhirServer?.AbsoluteUri.TrimEnd('/') ?? string.Empty;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(server + "\n" + patientId)));
    }
}
