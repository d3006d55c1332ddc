namespace CalcCds.Pathway.Picture;

/// <summary>The clinical-context part of the picture (§4.7), computed on first use.</summary>
public sealed partial record PatientPicture
{
    private ContextFlags? context;

    /// <summary>The context flags of §4.7 (trauma, compartment, HO risk, autoimmune, vascular, CVI, DM, PAD, DVT).</summary>
    public ContextFlags Context => context ??= new ContextFlags(this);
}
