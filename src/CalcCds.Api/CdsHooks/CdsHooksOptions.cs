using System.ComponentModel.DataAnnotations;

namespace CalcCds.Api.CdsHooks;

/// <summary>Protocol limits, bound from <c>CalcCds:CdsHooks</c> and validated at start-up.</summary>
public sealed class CdsHooksOptions
{
    public const string Section = "CalcCds:CdsHooks";

    /// <summary>Largest request body accepted, in bytes. A full prefetch of a long chart can reach several MB.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted (FHIR resources nest about 10 levels; 64 leaves ample room).</summary>
    [Range(8, 256)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>
    /// Time budget of one service call, from its arrival to the answer. Prefetch gaps still being fetched when it runs
    /// out are cancelled and the call answers 412 (timeout) naming them: a late answer is useless to the clinician, and
    /// cards from partial data could hide a red flag. 2 s leaves the EHR's own budget (CDS Hooks: "on the order of
    /// 500 ms" for the service; Da Vinci CRD: 5 s) room for slow FHIR servers while still answering well inside it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan EvaluationDeadline { get; set; } = TimeSpan.FromSeconds(2);
}
