using System.Collections.Frozen;
using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Labs;

/// <summary>
/// Reads laboratory Observations into <see cref="LabResult"/>s (clinical-pathway.md §2.2, §7.1, §7.3.5, §7.4).
/// Entered-in-error, cancelled, registered and unknown results are ignored; preliminary results are kept but marked.
/// Every value that cannot be used (unknown unit, string value, malformed comparator) becomes a data-quality note.
/// </summary>
public static class LabReader
{
    /// <summary>One shared, read-only set for each interpretation code a lab commonly sends alone.</summary>
    private static readonly FrozenDictionary<string, IReadOnlySet<string>> SingleFlags =
        new[] { "N", "H", "HH", "L", "LL", "A", "AA", "HU", "LU", "POS", "NEG" }
            .ToFrozenDictionary(code => code, code => (IReadOnlySet<string>)new[] { code }.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly HashSet<string> MolarUnits = new(StringComparer.Ordinal) { "mmol/L", "umol/L", "nmol/L", "pmol/L", "meq/L" };

    public static LabHistory Read(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        // Kept by analyte while reading: the history needs them so, and a repeat (same code, so same analyte) is then
        // looked for among a handful of results instead of in a set of every lab built per request.
        var byAnalyte = LabHistory.NewBuckets();
        var notes = new List<string>();
        HashSet<string>? seenIdentifiers = null;
        foreach (var observation in observations)
        {
            var info = FirstAnalyteCoding(observation.Code, out var loinc);
            if (info is null)
            {
                continue;
            }

            if (!PatientPictureBuilder.IsUsable(observation.Status, out var preliminary))
            {
                continue;
            }

            var effective = observation.Effective;
            var when = effective ?? observation.Issued;
            if (when is null)
            {
                notes.Add($"{observation.Ref()}: {info.Name} has no collection or issue time; not used.");
                continue;
            }

            if (effective is null)
            {
                notes.Add($"{observation.Ref()}: {info.Name} has no collection time; the issue time is used.");
            }

            // §7.3.5: the same result sent twice (same identifier, or same code, value and time) counts once.
            var identifiers = IdentifierKeys(observation.Identifier);
            if (AnySeen(identifiers, seenIdentifiers) || IsRepeat(byAnalyte[(int)info.Analyte], loinc!, observation.ValueQuantity, when))
            {
                continue;
            }

            if (identifiers.Length > 0)
            {
                (seenIdentifiers ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(identifiers);
            }

            // The value's unit is resolved once: the value and, usually sent in the same unit, the range limits use it.
            var unit = UnitOf(observation.ValueQuantity);
            var factor = UnitConversion.FactorOf(info.Analyte, unit);
            var value = ReadValue(observation, info, unit, factor, notes);
            var (low, high, source) = ReadRange(observation, info, factor, notes);
            LabHistory.Add(byAnalyte, new LabResult
            {
                Analyte = info.Analyte,
                Source = observation,
                Loinc = loinc!,
                When = when.LowerBound,
                Date = when.Value,
                DateFromIssued = effective is null,
                IsPreliminary = preliminary,
                Value = value,
                ReportedQuantity = observation.ValueQuantity,
                ReportedText = observation.ValueString,
                Low = low,
                High = high,
                RangeSource = source,
                Flags = ReadFlags(observation.Interpretation),
            });
        }

        return new LabHistory(byAnalyte, notes);
    }

    /// <summary>An earlier result of the analyte with the same code, value and time as written (§7.3.5).</summary>
    private static bool IsRepeat(List<LabResult>? sameAnalyte, string loinc, Quantity? quantity, FhirDateTime when)
    {
        if (sameAnalyte is null)
        {
            return false;
        }

        // The same time as written is the same instant: comparing instants first skips nearly every other result, and
        // the key is made only when one has the same instant.
        ContentKey? key = null;
        foreach (var earlier in sameAnalyte)
        {
            if (earlier.When == when.LowerBound
                && ContentKey.Of(earlier.Loinc, earlier.ReportedQuantity, earlier.Date) == (key ??= ContentKey.Of(loinc, quantity, when.Value)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// §7.3.5's "same code, value and time": the LOINC code, the value as written (scale kept, so 9.6 and 9.60 differ
    /// and a negative zero is zero, exactly as their text does), the unit, the comparator and the time as written.
    /// A struct rather than the joined text, so checking a lab for a repeat formats and allocates nothing.
    /// </summary>
    private readonly record struct ContentKey(string Loinc, bool HasValue, int Lo, int Mid, int Hi, int Flags, string Unit, string Comparator, string When)
    {
        public static ContentKey Of(string loinc, Quantity? quantity, string when)
        {
            Span<int> bits = stackalloc int[4];
            var hasValue = false;
            if (quantity?.Value is { } value)
            {
                hasValue = true;
                decimal.GetBits(value, bits);
                if ((bits[0] | bits[1] | bits[2]) == 0)
                {
                    bits[3] &= int.MaxValue; // the sign of a zero is not written
                }
            }

            // A missing unit or comparator wrote nothing into the joined text, the same as an empty one.
            return new ContentKey(loinc, hasValue, bits[0], bits[1], bits[2], bits[3], quantity?.Code ?? quantity?.Unit ?? string.Empty,
                quantity?.Comparator ?? string.Empty, when);
        }
    }

    /// <summary>The first LOINC coding of §2.2 (an analyte the pathway reads), or null. Runs once per lab
    /// Observation, so it is a plain loop: no iterator or closure per observation.</summary>
    private static AnalyteInfo? FirstAnalyteCoding(CodeableConcept? code, out string? loinc)
    {
        loinc = null;
        if (code?.Coding is not { } codings)
        {
            return null;
        }

        for (var i = 0; i < codings.Count; i++)
        {
            var coding = codings[i];
            if (coding.System == FhirSystems.Loinc && AnalyteInfo.ForLoinc(coding.Code) is { } info)
            {
                loinc = coding.Code;
                return info;
            }
        }

        return null;
    }

    /// <summary>"system|value" of each identifier with a value; empty (no allocation) for the usual lab without one.</summary>
    private static string[] IdentifierKeys(IReadOnlyList<Identifier>? identifiers)
    {
        if (identifiers is null || identifiers.Count == 0)
        {
            return [];
        }

        var keys = new List<string>(identifiers.Count);
        for (var i = 0; i < identifiers.Count; i++)
        {
            if (identifiers[i].Value is not null)
            {
                keys.Add($"{identifiers[i].System}|{identifiers[i].Value}");
            }
        }

        return [.. keys];
    }

    private static bool AnySeen(string[] keys, HashSet<string>? seen)
    {
        if (seen is null)
        {
            return false;
        }

        foreach (var key in keys)
        {
            if (seen.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The v3-ObservationInterpretation codes of the result. Nearly every lab sends one code (N, H, L...): those share one
    /// read-only set per code instead of a new set per result; several codes get their own set.
    /// </summary>
    private static IReadOnlySet<string> ReadFlags(IReadOnlyList<CodeableConcept>? interpretations)
    {
        string? single = null;
        HashSet<string>? several = null;
        for (var i = 0; i < (interpretations?.Count ?? 0); i++)
        {
            var codings = interpretations![i].Coding;
            for (var j = 0; j < (codings?.Count ?? 0); j++)
            {
                if (codings![j].System != InterpretationCodes.System || codings[j].Code is not { } flag)
                {
                    continue;
                }

                if (several is not null)
                {
                    several.Add(flag);
                }
                else if (single is null)
                {
                    single = flag;
                }
                else if (single != flag)
                {
                    several = new HashSet<string>(StringComparer.Ordinal) { single, flag };
                }
            }
        }

        return several is not null ? several
            : single is null ? FrozenSet<string>.Empty
            : SingleFlags.TryGetValue(single, out var shared) ? shared
            : new HashSet<string>(StringComparer.Ordinal) { single };
    }

    /// <summary>The UCUM code a quantity's unit stands for (<see cref="UnitConversion.Resolve"/>), or null.</summary>
    private static string? UnitOf(Quantity? quantity) =>
        quantity is null ? null : UnitConversion.Resolve(quantity.System == FhirSystems.Ucum ? quantity.Code : null, quantity.Unit);

    private static LabValue? ReadValue(Observation observation, AnalyteInfo info, string? unit, decimal? factor, List<string> notes)
    {
        if (observation.ValueQuantity is not { Value: { } number } quantity)
        {
            var text = observation.ValueString;
            notes.Add(text is not null
                ? $"{observation.Ref()}: {info.Name} reported as text (\"{text}\"); not parsed, treated as missing."
                : $"{observation.Ref()}: {info.Name} has no numeric value; treated as missing.");
            return null;
        }

        var unitShown = quantity.Unit ?? quantity.Code ?? "no unit";
        if (factor is null)
        {
            notes.Add($"{observation.Ref()}: {info.Name} unit \"{unitShown}\" is not recognised for this test; the value is not compared.");
            return null;
        }

        if (!LabValue.IsComparator(quantity.Comparator))
        {
            notes.Add($"{observation.Ref()}: {info.Name} has an invalid comparator \"{quantity.Comparator}\"; the value is not compared.");
            return null;
        }

        // A known factor means a resolved unit.
        var molar = MolarUnits.Contains(unit!);
        var codedLoinc = observation.Code.CodeIn(FhirSystems.Loinc) ?? string.Empty;
        if ((molar && info.MassCodes.Contains(codedLoinc) && info.SubstanceCodes.Count > 0)
            || (!molar && info.SubstanceCodes.Contains(codedLoinc)))
        {
            notes.Add($"{observation.Ref()}: {info.Name} LOINC property does not match the unit {unit}; the UCUM unit is trusted.");
        }

        return new LabValue(number * factor.Value, LabValue.ParseComparator(quantity.Comparator));
    }

    private static (decimal? Low, decimal? High, RangeSource Source) ReadRange(Observation observation, AnalyteInfo info, decimal? valueFactor, List<string> notes)
    {
        var range = FirstNormalRange(observation.ReferenceRange);
        if (range is not null)
        {
            var low = Convert(range.Low, observation.ValueQuantity, valueFactor, info);
            var high = Convert(range.High, observation.ValueQuantity, valueFactor, info);
            if ((range.Low?.Value is null || low is not null) && (range.High?.Value is null || high is not null))
            {
                return (low, high, RangeSource.Lab);
            }

            notes.Add($"{observation.Ref()}: {info.Name} reference range unit not recognised; default adult range used.");
        }

        return info.FallbackLow is null && info.FallbackHigh is null
            ? (null, null, RangeSource.None)
            : (info.FallbackLow, info.FallbackHigh, RangeSource.Fallback);
    }

    /// <summary>The first range with a limit, of type "normal" (or untyped), for the whole population.</summary>
    private static ObservationReferenceRange? FirstNormalRange(IReadOnlyList<ObservationReferenceRange>? ranges)
    {
        if (ranges is null)
        {
            return null;
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            if ((range.Low?.Value is not null || range.High?.Value is not null)
                && (range.Type is null || HasCode(range.Type.Coding, "normal"))
                && range.AppliesTo is null)
            {
                return range;
            }
        }

        return null;
    }

    private static bool HasCode(IReadOnlyList<Coding>? codings, string code)
    {
        if (codings is null)
        {
            return false;
        }

        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i].Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A range limit in the canonical unit; a limit without a unit takes the value's unit.</summary>
    private static decimal? Convert(Quantity? limit, Quantity? value, decimal? valueFactor, AnalyteInfo info)
    {
        if (limit?.Value is not { } number)
        {
            return null;
        }

        var hasUnit = limit.Code is not null || limit.Unit is not null;
        var inValueUnit = !hasUnit || (limit.System == value?.System && limit.Code == value?.Code && limit.Unit == value?.Unit);
        var factor = inValueUnit ? valueFactor : UnitConversion.FactorOf(info.Analyte, UnitOf(limit));
        return factor is null ? null : number * factor.Value;
    }
}
