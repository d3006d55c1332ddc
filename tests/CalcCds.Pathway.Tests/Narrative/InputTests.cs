using System.Diagnostics;
using System.Text;
using CalcCds.Pathway.Narrative;

namespace CalcCds.Pathway.Tests.Narrative;

public sealed class InputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Null_or_blank_text_gives_an_empty_reading(string? text)
    {
        var reading = ReportTextReader.Read(text);

        Assert.Equal(FindingStatus.NotMentioned, reading.Finding);
        Assert.Empty(reading.Facts);
    }

    [Fact]
    public void An_empty_reading_lists_every_dq1_descriptor_as_missing()
    {
        Assert.Equal(
            ["pattern", "lesion-max-dimension", "depth", "associated-mass", "bone-involvement"],
            ReportTextReader.Read(null).MissingDescriptors);
    }

    [Fact]
    public void Huge_input_is_read_only_up_to_the_bound_and_quickly()
    {
        var text = new StringBuilder("Soft tissue calcification in the right calf. ");
        while (text.Length < 5_000_000)
        {
            text.Append("No fracture or dislocation. ");
        }

        var clock = Stopwatch.StartNew();
        var reading = ReportTextReader.Read(text.ToString());

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.True(reading.Truncated);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Text_beyond_the_bound_is_not_read()
    {
        var filler = string.Concat(Enumerable.Repeat("No fracture or dislocation. ", (ReportTextReader.MaxChars / 28) + 10));

        var reading = ReportTextReader.Read(filler + "Soft tissue calcification in the right calf.");

        Assert.True(reading.Truncated);
        Assert.Equal(FindingStatus.NotMentioned, reading.Finding);
    }

    [Fact]
    public void Huge_input_without_any_sentence_break_does_not_throw()
    {
        var text = string.Concat(Enumerable.Repeat("no calcification x 1.2 cm ? - ", 40_000));

        var reading = ReportTextReader.Read(text);

        Assert.True(reading.Truncated);
    }

    [Fact]
    public void Abbreviations_and_decimals_do_not_split_sentences()
    {
        var reading = ReportTextReader.Read("There is a mass measuring approx. 6.2 cm with stippled calcification. No fracture.");

        var fact = Assert.Single(reading.Facts, f => f.Attribute == NarrativeAttribute.Pattern);
        Assert.Equal("There is a mass measuring approx. 6.2 cm with stippled calcification.", fact.Sentence);
        Assert.Equal(6.2m, reading.MaxSizeCm);
    }

    [Fact]
    public void Bullet_items_are_separate_sentences()
    {
        var reading = ReportTextReader.Read("IMPRESSION:\n- No fracture\n- Soft tissue calcification in the calf");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Equal("Soft tissue calcification in the calf", reading.FindingSentence);
    }

    [Fact]
    public void A_hard_wrapped_line_continues_its_sentence()
    {
        var reading = ReportTextReader.Read("There is no soft tissue\ncalcification in the calf.");

        Assert.Equal(FindingStatus.Negated, reading.Finding);
        Assert.Equal("There is no soft tissue calcification in the calf.", reading.FindingSentence);
    }

    [Fact]
    public void An_inline_impression_heading_starts_a_new_sentence()
    {
        var reading = ReportTextReader.Read("Findings: No fracture. Impression: Calcified mass in the calf.");

        Assert.Equal("Calcified mass in the calf.", reading.FindingSentence);
    }

    [Fact]
    public void Random_report_fragments_never_throw()
    {
        var words = ("no not without soft tissue calcification calcified mass measuring 6.2 x 3 cm mm , ; : . ? ! - 1,5 2-3 "
            + "deep right left calf there is but impression: findings: \n - 1. a) approx. e.g. cannot exclude has resolved "
            + "ossification \u00d7 \u2019 999999 .5 5. mineralization bone").Split(' ');
        var random = new Random(20261121);

        for (var i = 0; i < 2_000; i++)
        {
            var text = string.Join(i % 3 == 0 ? "" : " ", Enumerable.Range(0, random.Next(0, 60))
                .Select(_ => random.Next(10) == 0 ? ((char)random.Next(0, 0x3000)).ToString() : words[random.Next(words.Length)]));

            var reading = ReportTextReader.Read(text);

            Assert.NotNull(reading.MissingDescriptors);
        }
    }
}
