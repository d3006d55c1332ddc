namespace CalcCds.Pathway.Narrative;

internal enum Assertion
{
    Affirmed,
    Negated,
    Uncertain,
}
