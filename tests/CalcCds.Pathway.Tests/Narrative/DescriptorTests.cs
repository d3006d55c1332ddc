using CalcCds.Pathway.Narrative;

namespace CalcCds.Pathway.Tests.Narrative;

public sealed class DescriptorTests
{
    private const string Deep = "795002";
    private const string Superficial = "26283006";

    [Theory]
    [InlineData("Stippled calcification in the calf.", "stippled")]
    [InlineData("Punctate calcifications in the calf.", "stippled")]
    [InlineData("Eccentric calcification within the lesion.", "eccentric")]
    [InlineData("Popcorn calcification in the thigh.", "popcorn")]
    [InlineData("Laminated calcification in the calf.", "laminated")]
    [InlineData("Central calcification within the nodule.", "central")]
    [InlineData("Diffuse calcification within the mass.", "diffuse-intralesional")]
    [InlineData("Amorphous fluffy calcification in the thigh.", "amorphous-fluffy-confluent")]
    [InlineData("Cloud-like mineralization within the soft tissue mass.", "amorphous-fluffy-confluent")]
    [InlineData("Ring-and-arc calcifications in the soft tissues of the knee.", "ring-and-arc")]
    [InlineData("Chondroid calcification in the soft tissues of the ankle.", "ring-and-arc")]
    [InlineData("Tram-track arterial calcification in the calf.", "linear-arterial")]
    [InlineData("Multiple rice-grain calcifications in the calf muscles.", "rice-grain")]
    [InlineData("Small crescentic calcifications in the subcutaneous tissue.", "crescentic")]
    [InlineData("Sheet-like calcification along the fascia of the thigh.", "sheet-like")]
    [InlineData("Finely speckled calcification throughout the soft tissues.", "fine-speckled-diffuse")]
    [InlineData("Large globular periarticular calcification at the knee.", "globular-periarticular")]
    [InlineData("Ossification with peripheral zonal maturation in the thigh.", "peripheral-zonal")]
    [InlineData("Round calcification with central lucency in the calf, a phlebolith.", "phlebolith")]
    [InlineData("Chondrocalcinosis of the menisci.", "chondrocalcinosis")]
    public void Pattern_words_map_to_stc_pattern_codes(string text, string pattern)
    {
        Assert.Contains(pattern, ReportTextReader.Read(text).Patterns);
    }

    [Fact]
    public void Central_lucency_of_a_phlebolith_is_not_a_central_pattern()
    {
        var reading = ReportTextReader.Read("Round calcification with central lucency in the calf.");

        Assert.DoesNotContain("central", reading.Patterns);
    }

    [Theory]
    [InlineData("Deep soft tissue calcification in the calf.", Deep)]
    [InlineData("Calcification deep to the fascia of the calf.", Deep)]
    [InlineData("Subfascial calcification in the calf.", Deep)]
    [InlineData("Intramuscular calcification in the gastrocnemius.", Deep)]
    [InlineData("Intermuscular calcification in the thigh.", Deep)]
    [InlineData("Subcutaneous calcification in the calf.", Superficial)]
    [InlineData("Cutaneous calcification over the shin.", Superficial)]
    [InlineData("Superficial calcification in the calf.", Superficial)]
    [InlineData("Epifascial calcification in the calf.", Superficial)]
    public void Depth_words_map_to_deep_or_superficial(string text, string depth)
    {
        Assert.Equal(depth, ReportTextReader.Read(text).Depth);
    }

    [Fact]
    public void Deep_wins_when_both_depths_are_described()
    {
        var reading = ReportTextReader.Read("Calcification in the subcutaneous fat extending deep to the fascia.");

        Assert.Equal(Deep, reading.Depth);
    }

    [Fact]
    public void A_deep_vein_is_not_a_deep_location()
    {
        var reading = ReportTextReader.Read("Calcification along the course of the deep veins of the calf.");

        Assert.Null(reading.Depth);
        Assert.Contains("depth", reading.MissingDescriptors);
    }

    [Theory]
    [InlineData("Stippled calcification within a soft tissue mass.")]
    [InlineData("Calcified mass in the calf.")]
    [InlineData("Soft tissue swelling with mass and calcification.")]
    public void A_stated_mass_is_present(string text)
    {
        var reading = ReportTextReader.Read(text);

        Assert.Equal(MassStatus.Present, reading.AssociatedMass);
        Assert.Contains("within-mass", reading.Locations);
    }

    [Theory]
    [InlineData("Soft tissue calcification in the calf with no associated mass.")]
    [InlineData("Soft tissue calcification in the calf without a soft tissue mass.")]
    [InlineData("Calcification in the calf. No discrete soft tissue mass.")]
    public void A_denied_mass_is_absent(string text)
    {
        var reading = ReportTextReader.Read(text);

        Assert.Equal(MassStatus.Absent, reading.AssociatedMass);
        Assert.DoesNotContain("within-mass", reading.Locations);
    }

    [Fact]
    public void A_hedged_mass_is_indeterminate_and_still_missing()
    {
        var reading = ReportTextReader.Read("Calcification in the calf; an underlying mass cannot be excluded.");

        Assert.Equal(MassStatus.Indeterminate, reading.AssociatedMass);
        Assert.Contains("associated-mass", reading.MissingDescriptors);
    }

    [Fact]
    public void Mass_effect_is_not_a_mass()
    {
        Assert.Equal(MassStatus.Unknown, ReportTextReader.Read("Calcification in the calf without mass effect.").AssociatedMass);
    }

    [Fact]
    public void Bone_destruction_is_destruction()
    {
        var reading = ReportTextReader.Read("Calcified mass in the thigh with destruction of the adjacent femoral cortex.");

        Assert.Equal("destruction", reading.BoneInvolvement);
    }

    [Fact]
    public void Without_bone_destruction_is_no_bone_involvement_as_a_negated_fact()
    {
        var reading = ReportTextReader.Read("Calcified mass in the thigh without bone destruction.");

        Assert.Equal("none", reading.BoneInvolvement);
        var fact = Assert.Single(reading.Facts, f => f.Attribute == NarrativeAttribute.BoneInvolvement);
        Assert.True(fact.Negated);
        Assert.Equal("none", fact.Code);
    }

    [Theory]
    [InlineData("Calcification in the calf. No osseous involvement.")]
    [InlineData("Calcification in the calf. The underlying bone is intact.")]
    [InlineData("Calcification in the calf. No periosteal reaction or bone erosion.")]
    [InlineData("Calcification in the calf. No acute osseous abnormality.")]
    public void Statements_of_intact_bone_mean_no_bone_involvement(string text)
    {
        Assert.Equal("none", ReportTextReader.Read(text).BoneInvolvement);
    }

    [Theory]
    [InlineData("Calcified mass with erosion of the adjacent tibial cortex.", "erosion")]
    [InlineData("Calcified mass with smooth scalloping of the fibula.", "erosion")]
    [InlineData("Calcified mass with periosteal reaction along the tibia.", "periosteal-reaction")]
    [InlineData("Calcified mass with a lytic lesion in the adjacent tibia.", "destruction")]
    public void Bone_involvement_words_map_to_stc_bone_codes(string text, string code)
    {
        Assert.Equal(code, ReportTextReader.Read(text).BoneInvolvement);
    }

    [Fact]
    public void The_most_severe_bone_involvement_wins_over_a_denial_in_another_clause()
    {
        var reading = ReportTextReader.Read("Calcified mass without periosteal reaction, but with cortical destruction.");

        Assert.Equal("destruction", reading.BoneInvolvement);
    }

    [Fact]
    public void Bones_normal_in_density_say_nothing_about_involvement()
    {
        var reading = ReportTextReader.Read("Calcification in the calf. The bones are normal in density.");

        Assert.Null(reading.BoneInvolvement);
        Assert.Contains("bone-involvement", reading.MissingDescriptors);
    }

    [Theory]
    [InlineData("Heterotopic ossification in the thigh.", "ossification")]
    [InlineData("Mineralized mass in the thigh with a cortex and medullary space.", "ossification")]
    [InlineData("Dense calcification in the calf.", "calcification")]
    public void Matrix_is_calcification_or_ossification(string text, string matrix)
    {
        Assert.Equal(matrix, ReportTextReader.Read(text).Matrix);
    }

    [Theory]
    [InlineData("The calf calcification has increased in size.", "35105006", "increased")]
    [InlineData("The calcified mass is enlarging.", "35105006", "increased")]
    [InlineData("Rapidly enlarging calcified mass in the calf.", "35105006", "rapid")]
    [InlineData("New soft tissue calcification in the calf.", "7147002", null)]
    [InlineData("Stable soft tissue calcification in the calf.", "58158008", "stable")]
    [InlineData("Soft tissue calcification in the calf is unchanged.", "58158008", "stable")]
    [InlineData("The calcification in the calf is smaller.", "1250004", "decreased")]
    public void Change_and_growth_words_map_to_codes(string text, string change, string? growth)
    {
        var reading = ReportTextReader.Read(text);

        Assert.Equal(change, reading.Change);
        Assert.Equal(growth, reading.Growth);
    }

    [Theory]
    [InlineData("Solitary calcification in the calf.", "solitary")]
    [InlineData("Multiple calcifications in the calf.", "multifocal")]
    [InlineData("Bilateral calf calcifications.", "bilateral")]
    [InlineData("Generalized soft tissue calcification.", "generalized")]
    [InlineData("Diffuse soft tissue calcification of both legs.", "generalized")]
    public void Distribution_words_map_to_stc_dist_codes(string text, string distribution)
    {
        Assert.Contains(distribution, ReportTextReader.Read(text).Distributions);
    }

    [Theory]
    [InlineData("Dystrophic calcification in the calf.", "dystrophic")]
    [InlineData("Metastatic calcification in the soft tissues.", "metastatic")]
    public void Stated_mechanism_is_read(string text, string mechanism)
    {
        Assert.Contains(mechanism, ReportTextReader.Read(text).Mechanisms);
    }

    [Fact]
    public void Negated_descriptors_are_kept_as_negated_facts_and_left_out_of_the_accessors()
    {
        var reading = ReportTextReader.Read("Calcification in the calf, no intramuscular component.");

        Assert.Contains(reading.Facts, f => f is { Attribute: NarrativeAttribute.Location, Code: "intramuscular", Negated: true });
        Assert.DoesNotContain("intramuscular", reading.Locations);
    }

    [Fact]
    public void Each_fact_quotes_its_source_sentence()
    {
        var reading = ReportTextReader.Read("No fracture. Stippled calcification in the calf.");

        var fact = Assert.Single(reading.Facts, f => f.Attribute == NarrativeAttribute.Pattern);
        Assert.Equal("Stippled calcification in the calf.", fact.Sentence);
    }

    [Fact]
    public void Venous_insufficiency_as_context_is_not_a_venous_location()
    {
        var reading = ReportTextReader.Read(
            "Subcutaneous calcifications in both calves, likely dystrophic, in a patient with venous insufficiency.");

        Assert.DoesNotContain("vascular-venous", reading.Locations);
        Assert.Contains("subcutaneous", reading.Locations);
        Assert.Contains("dystrophic", reading.Mechanisms);
    }

    [Fact]
    public void A_sentence_opening_with_it_continues_the_lesion()
    {
        var reading = ReportTextReader.Read("Calcification in the calf. It has increased in size since the prior study.");

        Assert.Equal("increased", reading.Growth);
    }

    [Fact]
    public void Change_words_about_something_else_are_not_lesion_change()
    {
        var reading = ReportTextReader.Read("Calcification in the calf. No fracture in this patient. Stable postoperative changes.");

        Assert.Null(reading.Change);
    }
}
