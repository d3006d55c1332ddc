using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Narrative;

/// <summary>
/// Reads measurements ("62 mm", "6.2 cm", "6.2 x 3.1 x 2.0 cm", "up to 4 cm", "2-3 cm", "1,5 cm") as the largest
/// dimension in cm (§7.1: mm ÷ 10). A number without a length unit is not a size (unknown unit → not used).
/// </summary>
internal static class SizeReader
{
    private static readonly HashSet<string> Joiners = ["x", "by", Tokenizer.RangeMark];
    private static readonly HashSet<string> Earlier = ["previously", "previous", "prior", "formerly", "from", "was", "were"];
    private static readonly HashSet<string> Approximately = ["approximately", "approx", "about", "up", "to", "roughly", "around", "nearly", "almost", "at", "least"];
    private static readonly HashSet<string> Measuring = ["measuring", "measures", "measured", "measure", "of", "is", "are", "spanning", "spans", "extending", "extends", "size"];
    private static readonly HashSet<string> MassNouns = ["mass", "masses", "lesion", "lesions", "lump", "tumor", "tumour", "nodule"];
    private static readonly HashSet<string> ExtentNouns =
    [
        "calcification", "calcifications", "ossification", "cluster", "clusters", "focus", "foci", "deposit", "deposits",
        "density", "densities", "collection", "aggregate", "conglomerate", "phlebolith", "phleboliths", "calcinosis", "extent",
    ];

    public static IEnumerable<(decimal Cm, string Basis)> Read(IReadOnlyList<Token> tokens)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind != TokenKind.Number)
            {
                i++;
                continue;
            }

            var start = i;
            var values = new List<(decimal Value, decimal? Factor)>();
            var j = i;
            while (j < tokens.Count && tokens[j].Kind == TokenKind.Number)
            {
                var value = tokens[j].Number;
                j++;
                decimal? factor = j < tokens.Count ? UnitFactor(tokens[j].Text) : null;
                if (factor is not null)
                {
                    j++;
                }

                values.Add((value, factor));
                if (j + 1 < tokens.Count && Joiners.Contains(tokens[j].Text) && tokens[j + 1].Kind == TokenKind.Number)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            i = j;
            var lastFactor = values[^1].Factor;
            if (lastFactor is null || IsEarlierMeasurement(tokens, start))
            {
                continue;
            }

            var cm = values.Max(v => v.Value * (v.Factor ?? lastFactor.Value));
            yield return (cm, Basis(tokens, start, j));
        }
    }

    private static decimal? UnitFactor(string unit) => unit switch
    {
        "cm" or "centimeter" or "centimeters" or "centimetre" or "centimetres" => 1m,
        "mm" or "millimeter" or "millimeters" or "millimetre" or "millimetres" => 0.1m,
        _ => null,
    };

    /// <summary>"increased from 4 cm", "previously 4 cm": the prior size, not the current one.</summary>
    private static bool IsEarlierMeasurement(IReadOnlyList<Token> tokens, int start)
    {
        for (var k = start - 1; k >= Math.Max(0, start - 3); k--)
        {
            if (Earlier.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "a mass measuring 6 cm" → mass; "a 2 cm cluster of calcifications" → calcification extent. After "measuring"
    /// the subject stands before the number, otherwise the noun after it names what was measured.
    /// </summary>
    private static string Basis(IReadOnlyList<Token> tokens, int start, int end)
    {
        var k = start - 1;
        while (k >= 0 && Approximately.Contains(tokens[k].Text))
        {
            k--;
        }

        var measuring = k >= 0 && Measuring.Contains(tokens[k].Text);
        return measuring
            ? Backward(tokens, start) ?? Forward(tokens, end) ?? StcCodes.SizeBasis.Unknown
            : Forward(tokens, end) ?? Backward(tokens, start) ?? StcCodes.SizeBasis.Unknown;
    }

    private static string? Forward(IReadOnlyList<Token> tokens, int end)
    {
        for (var k = end; k < Math.Min(tokens.Count, end + 5); k++)
        {
            if (tokens[k].Kind == TokenKind.Punctuation)
            {
                return null;
            }

            if (NounBasis(tokens[k].Text) is { } basis)
            {
                return basis;
            }
        }

        return null;
    }

    /// <summary>
    /// The noun right before "measuring" ("calcification within a mass measuring 6 cm" → the mass); after a comma,
    /// an appositive size names the head of the clause ("a mass of the calf with stippled calcification, 6.2 cm").
    /// </summary>
    private static string? Backward(IReadOnlyList<Token> tokens, int start)
    {
        var crossedComma = false;
        string? earliest = null;
        for (var k = start - 1; k >= Math.Max(0, start - 24); k--)
        {
            var text = tokens[k].Text;
            if (text is ";" or ":")
            {
                break;
            }

            crossedComma |= text == ",";
            if (NounBasis(text) is { } basis)
            {
                if (!crossedComma)
                {
                    return basis;
                }

                earliest = basis;
            }
        }

        return earliest;
    }

    private static string? NounBasis(string word) =>
        MassNouns.Contains(word) ? StcCodes.SizeBasis.Mass
        : ExtentNouns.Contains(word) ? StcCodes.SizeBasis.CalcificationExtent
        : null;
}
