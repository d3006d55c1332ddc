using System.Text.Json;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>The official R4 examples and Synthea bundles in ../shared/data, as theory data (file name per case).</summary>
public static class SampleFiles
{
    public static string ExamplesFolder => Path.Combine(RepoPaths.SharedData, "fhir-r4-examples");

    public static string SyntheaFolder => Path.Combine(RepoPaths.SharedData, "synthea-r4");

    /// <summary>
    /// The one official example we knowingly cannot represent: it holds decimals such as
    /// -1.0E+245, beyond System.Decimal (about ±7.9E+28). It is tested on its own.
    /// </summary>
    public const string BeyondSystemDecimal = "Observation-decimal.json";

    /// <summary>Every example resource (all files but the package manifest and <see cref="BeyondSystemDecimal"/>).</summary>
    public static TheoryData<string> OfficialExamples =>
        Files(ExamplesFolder, name => name is not ("package.json" or BeyondSystemDecimal));

    public static TheoryData<string> SyntheaBundles => Files(SyntheaFolder, _ => true);

    public static string ResourceTypeOf(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("resourceType").GetString()!;
    }

    private static TheoryData<string> Files(string folder, Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(folder))
        {
            // The theories are skipped then; xunit still needs one row to enumerate.
            data.Add("(shared data absent)");
            return data;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (include(name))
            {
                data.Add(name);
            }
        }

        return data;
    }
}
