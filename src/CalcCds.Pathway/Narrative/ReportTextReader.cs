using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Narrative;

/// <summary>
/// Reads a free-text radiology report (DiagnosticReport.conclusion or a text presentedForm) for the index finding and
/// its descriptors: the narrative fallback R00b (§1.4) under Product decision 7. Everything it returns was read from
/// text and must be shown as such; coded components always win over it.
/// </summary>
/// <remarks>
/// What counts as the index finding: any mention of soft-tissue calcification or ossification in the findings,
/// impression or an unlabelled body: "calcification", "calcified mass", "calcific density", "calcinosis",
/// "heterotopic ossification", "myositis ossificans", "phleboliths", "vascular calcification", "chondrocalcinosis",
/// and "mineralization" when soft tissue is named. Vascular calcification and phleboliths count because R15/R16 are
/// gated by the index finding; the pattern facts they carry keep them out of the sarcoma size triage. Not counted:
/// indication and history text (the question, not the answer), ossification centres, ossific fragments, bone
/// mineralization, and calcification in sentences about lesions inside bone (enchondroma, bone infarct) that name no
/// soft tissue. Conflicting mentions resolve to the safer reading: present beats uncertain beats negated.
/// </remarks>
public static class ReportTextReader
{
    /// <summary>Work bound: only this much of a report is read (a real radiology report is far shorter).</summary>
    public const int MaxChars = 100_000;

    public static NarrativeReading Read(string? reportText)
    {
        if (string.IsNullOrWhiteSpace(reportText))
        {
            return NarrativeReading.Empty;
        }

        var truncated = reportText.Length > MaxChars;
        var text = truncated ? CutAtSentenceEnd(reportText) : reportText;

        var facts = new List<NarrativeFact>();
        var mentions = new List<(Assertion Assertion, string Sentence)>();
        var anatomy = new List<(NarrativeFact Fact, bool AboutFinding)>();

        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var tokens = Tokenizer.Tokenize(sentence.Text);
            var scope = new NegationScope(tokens);
            var sentenceMentions = sentence.Section.IsReportable()
                ? FindingMentions(tokens).Select(m => scope.Classify(m.Start, m.End)).ToList()
                : [];
            mentions.AddRange(sentenceMentions.Select(a => (a, sentence.Text)));

            // Side and site are not negated: in "no fracture of the left tibia" the leg is still the left one.
            var aboutFinding = sentenceMentions.Any(a => a != Assertion.Negated);
            foreach (var m in TermMatcher.Match(tokens, Lexicon.Anatomy))
            {
                anatomy.Add((ToFact(m, sentence.Text, Assertion.Affirmed), aboutFinding));
            }

            if (sentence.Section.IsReportable())
            {
                facts.AddRange(ReadDescriptors(tokens, scope, sentence.Text, sentenceMentions));
            }
        }

        var (status, findingSentence) = Resolve(mentions);
        facts.AddRange(ChooseAnatomy(anatomy));
        return new NarrativeReading(status, findingSentence, facts.Distinct().ToList(), truncated);
    }

    private static IEnumerable<NarrativeFact> ReadDescriptors(
        IReadOnlyList<Token> tokens, NegationScope scope, string sentence, List<Assertion> mentions)
    {
        var matches = TermMatcher.Match(tokens, Lexicon.ReportDescriptors).ToList();
        var massAffirmed = false;
        foreach (var m in matches)
        {
            var assertion = scope.Classify(m.Start, m.End);
            massAffirmed |= m.Term.Attribute == NarrativeAttribute.AssociatedMass && assertion == Assertion.Affirmed;
            yield return ToFact(m, sentence, assertion);
        }

        var aboutLesion = mentions.Count > 0 || StartsWithin(tokens, Lexicon.LesionSubject)
            || Lexicon.PronounSubject.MatchAt(tokens, 0) > 0;
        if (!aboutLesion)
        {
            yield break;
        }

        var mentionsMass = StartsWithin(tokens, Lexicon.MassOrLesion);
        foreach (var m in TermMatcher.Match(tokens, Lexicon.LesionDescriptors))
        {
            var fact = ToFact(m, sentence, scope.Classify(m.Start, m.End));

            // "Diffuse" describes the inside of a lesion only when there is one; otherwise it is a distribution.
            if (fact is { Attribute: NarrativeAttribute.Pattern, Code: StcCodes.Pattern.DiffuseIntralesional } && !mentionsMass)
            {
                fact = fact with
                {
                    Attribute = NarrativeAttribute.Distribution,
                    System = StcCodes.Systems.Distribution,
                    Code = StcCodes.Distribution.Generalized,
                };
            }

            yield return fact;
        }

        if (massAffirmed && mentions.Contains(Assertion.Affirmed))
        {
            yield return new NarrativeFact(NarrativeAttribute.Location, StcCodes.Systems.Location, StcCodes.Location.WithinMass, sentence);
        }

        foreach (var (cm, basis) in SizeReader.Read(tokens))
        {
            yield return new NarrativeFact(NarrativeAttribute.Size, StcCodes.Systems.SizeBasis, basis, sentence, Value: cm, Unit: "cm");
        }
    }

    /// <summary>Spans of index-finding mentions in one reportable sentence.</summary>
    private static IEnumerable<(int Start, int End)> FindingMentions(IReadOnlyList<Token> tokens)
    {
        var softTissueNamed = StartsWithin(tokens, Lexicon.SoftTissueContext);
        if (!softTissueNamed && Lexicon.IntraosseousContext.Any(p => StartsWithin(tokens, p)))
        {
            yield break;
        }

        foreach (var m in TermMatcher.Match(tokens, [Lexicon.FindingGroup]))
        {
            yield return (m.Start, m.End);
        }

        if (!softTissueNamed)
        {
            yield break;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (Lexicon.Mineralization.MatchAt(tokens, i) > i && !BoneWordBefore(tokens, i))
            {
                yield return (i, i + 1);
            }
        }
    }

    private static bool BoneWordBefore(IReadOnlyList<Token> tokens, int index)
    {
        for (var k = index - 1; k >= Math.Max(0, index - 3); k--)
        {
            if (Lexicon.BoneWord.MatchAt(tokens, k) > k)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithin(IReadOnlyList<Token> tokens, TermPattern pattern)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (pattern.MatchAt(tokens, i) > i)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Maps a phrase and its assertion to a fact; negated bone words mean "none", a negated mass means absent.</summary>
    private static NarrativeFact ToFact(TermMatch m, string sentence, Assertion assertion)
    {
        var code = m.Term.Code!;
        var negated = assertion == Assertion.Negated;
        var uncertain = assertion == Assertion.Uncertain;
        code = m.Term.Attribute switch
        {
            NarrativeAttribute.BoneInvolvement when negated => StcCodes.Bone.None,
            NarrativeAttribute.BoneInvolvement when uncertain => StcCodes.Bone.Indeterminate,
            NarrativeAttribute.AssociatedMass when negated => SnomedCodes.Presence.Absent,
            NarrativeAttribute.AssociatedMass when uncertain => SnomedCodes.Presence.Indeterminate,
            _ => code,
        };
        return new NarrativeFact(m.Term.Attribute, m.Term.System, code, sentence, negated, uncertain);
    }

    private static (FindingStatus, string?) Resolve(List<(Assertion Assertion, string Sentence)> mentions)
    {
        foreach (var (wanted, status) in new[]
        {
            (Assertion.Affirmed, FindingStatus.Present),
            (Assertion.Uncertain, FindingStatus.Uncertain),
            (Assertion.Negated, FindingStatus.Negated),
        })
        {
            var first = mentions.FirstOrDefault(m => m.Assertion == wanted);
            if (first.Sentence is not null)
            {
                return (status, first.Sentence);
            }
        }

        return (FindingStatus.NotMentioned, null);
    }

    /// <summary>
    /// Laterality and site come from the sentences that mention the finding; only when those name none does the rest
    /// of the report (exam title, indication) speak for them.
    /// </summary>
    private static IEnumerable<NarrativeFact> ChooseAnatomy(List<(NarrativeFact Fact, bool AboutFinding)> anatomy)
    {
        foreach (var attribute in new[] { NarrativeAttribute.Laterality, NarrativeAttribute.BodySite })
        {
            var candidates = anatomy.Where(a => a.Fact.Attribute == attribute).ToList();
            var preferred = candidates.Where(a => a.AboutFinding).ToList();
            foreach (var (fact, _) in preferred.Count > 0 ? preferred : candidates)
            {
                yield return fact;
            }
        }
    }

    private static string CutAtSentenceEnd(string text)
    {
        // Cut at a sentence end so that a trailing "... is not seen" is never cut off its subject.
        var head = text[..MaxChars];
        var cut = Math.Max(head.LastIndexOf('\n'), head.LastIndexOf(". ", StringComparison.Ordinal) + 1);
        return cut > MaxChars / 2 ? head[..cut] : head;
    }
}
