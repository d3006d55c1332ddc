namespace CalcCds.Fhir.Model;

/// <summary>
/// The <c>_name</c> sibling of a primitive element (<c>"_birthDate": {"extension": [...]}</c>):
/// the id and extensions that FHIR JSON carries apart from the primitive value.
/// </summary>
public sealed record PrimitiveElement : Element;
