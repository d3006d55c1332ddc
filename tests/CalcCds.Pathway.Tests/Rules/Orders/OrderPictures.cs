using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Rules.Orders;

/// <summary>Draft ServiceRequests and order-hook pictures for the order rule tests (clock at 2026-11-21).</summary>
internal static class OrderPictures
{
    public static ServiceRequest Draft(string id, string system, string code, string? side = null, string? site = null, string? reason = null) => new()
    {
        Id = id,
        Status = "draft",
        Intent = "order",
        Subject = new ResourceReference { Reference = "Patient/p1" },
        Code = new CodeableConcept { Coding = [new Coding { System = system, Code = code }] },
        BodySite = site is null && side is null ? null :
        [
            new CodeableConcept
            {
                Coding = site is null ? null : [new Coding { System = FhirSystems.Snomed, Code = site }],
                Extension = side is null ? null :
                [
                    new Extension
                    {
                        Url = FhirSystems.McodeLateralityExtension,
                        ValueCodeableConcept = new CodeableConcept { Coding = [new Coding { System = FhirSystems.Snomed, Code = side }] },
                    },
                ],
            },
        ],
        ReasonReference = reason is null ? null : [new ResourceReference { Reference = reason }],
    };

    public static ServiceRequest Cpt(string id, string code) => Draft(id, FhirSystems.Cpt, code);

    /// <summary>The picture as an order hook sees it: the given drafts, on order-sign unless told otherwise.</summary>
    public static PatientPicture OnHook(this PatientPicture picture, string hook, params ServiceRequest[] drafts) =>
        picture with { Hook = hook, DraftOrders = drafts };

    public static PatientPicture Signing(this PatientPicture picture, params ServiceRequest[] drafts) => picture.OnHook(HookDefinitions.OrderSign, drafts);

    public static PatientPicture Selecting(this PatientPicture picture, params ServiceRequest[] drafts) => picture.OnHook(HookDefinitions.OrderSelect, drafts);

    public static CodeableConcept Detail(string system, string code, string text) => new()
    {
        Coding = [new Coding { System = system, Code = code }],
        Text = text,
    };
}
