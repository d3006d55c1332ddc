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
}
