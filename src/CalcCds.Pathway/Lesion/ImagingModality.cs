namespace CalcCds.Pathway.Lesion;

/// <summary>The modality a descriptor came from, for the precedence of §7.3 item 4.</summary>
public enum ImagingModality
{
    Radiograph,
    Ultrasound,
    Ct,
    Mri,
}

/// <summary>§7.3 item 4: size, depth and mass MRI &gt; CT &gt; US &gt; XR; matrix/pattern CT &gt; XR &gt; MRI &gt; US.</summary>
public static class ModalityPrecedence
{
    public static int ForSizeDepthMass(ImagingModality modality) => modality switch
    {
        ImagingModality.Mri => 3,
        ImagingModality.Ct => 2,
        ImagingModality.Ultrasound => 1,
        _ => 0,
    };

    public static int ForMatrixPattern(ImagingModality modality) => modality switch
    {
        ImagingModality.Ct => 3,
        ImagingModality.Radiograph => 2,
        ImagingModality.Mri => 1,
        _ => 0,
    };

    public static string Display(ImagingModality modality) => modality switch
    {
        ImagingModality.Mri => "MRI",
        ImagingModality.Ct => "CT",
        ImagingModality.Ultrasound => "US",
        _ => "XR",
    };
}
