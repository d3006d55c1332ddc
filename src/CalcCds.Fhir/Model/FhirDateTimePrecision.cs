namespace CalcCds.Fhir.Model;

/// <summary>How much of a FHIR date, dateTime or instant was given.</summary>
public enum FhirDateTimePrecision
{
    /// <summary><c>2020</c></summary>
    Year,

    /// <summary><c>2020-03</c></summary>
    Month,

    /// <summary><c>2020-03-15</c></summary>
    Day,

    /// <summary><c>2020-03-15T10:20:30+01:00</c></summary>
    Second,

    /// <summary><c>2020-03-15T10:20:30.123+01:00</c> (any number of fraction digits)</summary>
    FractionOfSecond,
}
