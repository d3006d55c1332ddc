namespace CalcCds.Testing;

/// <summary>
/// Locates the repository root (the folder holding CalcCds.sln) and the read-only
/// <c>../shared</c> folder beside it, so tests find samples wherever they run from.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary><c>fhir-samples/</c> in this repository.</summary>
    public static string Samples => Path.Combine(Root, "fhir-samples");

    /// <summary><c>cds-hooks/</c> example requests in this repository.</summary>
    public static string CdsHooksExamples => Path.Combine(Root, "cds-hooks");

    /// <summary>The shared folder next to the clone (<c>../shared</c>).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary><c>../shared/data</c>: real material written by others (FHIR examples, Synthea, CDS Hooks examples).</summary>
    public static string SharedData => Path.Combine(Shared, "data");

    public static bool SharedDataAvailable => Directory.Exists(SharedData);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CalcCds.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CalcCds.sln not found above " + AppContext.BaseDirectory);
    }
}
