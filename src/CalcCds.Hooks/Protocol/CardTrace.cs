namespace CalcCds.Hooks.Protocol;

/// <summary>
/// The service-side identity of a returned card, kept off the wire: the lesion it is about (empty for patient-level
/// cards) and the fingerprint repeat suppression compares (see <see cref="Evaluation.CardFingerprint"/>).
/// </summary>
public sealed record CardTrace(string LesionKey, string Fingerprint);
