namespace CalcCds.Pathway.Rules.Orders;

/// <summary>What a draft order is, by the §2.5 code sets. A draft may be several (an FNA is also a biopsy).</summary>
[Flags]
public enum DraftOrderKind
{
    None = 0,

    /// <summary>Any code of §5 O01's BIOPSY_SET: needle/open biopsy, excision or FNA.</summary>
    Biopsy = 1,
    Excision = 2,
    Fna = 4,
    FrozenSection = 8,
    Mri = 16,
    Radiograph = 32,
    Ultrasound = 64,
    Ct = 128,
    Vascular = 256,
    SarcomaReferral = 512,
}
