namespace CalcCds.Cli.Replay;

/// <summary>Expands the command-line paths into the bundle files to replay, in a stable order.</summary>
internal static class InputFiles
{
    public const string ExpectSuffix = ".expect.json";

    /// <summary>The files, or the first path that does not exist (a usage error).</summary>
    public static (IReadOnlyList<string> Files, string? Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                // Expectation files sit next to the bundles they describe; they are not bundles themselves.
                files.AddRange(Directory.EnumerateFiles(path, "*.json")
                    .Where(f => !f.EndsWith(ExpectSuffix, StringComparison.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                return ([], path);
            }
        }

        return (files.Distinct(StringComparer.Ordinal).ToList(), null);
    }

    /// <summary><c>name.expect.json</c> beside <c>name.json</c>, when it exists.</summary>
    public static string? ExpectationsBeside(string bundleFile)
    {
        var candidate = Path.Combine(Path.GetDirectoryName(bundleFile) ?? ".", Path.GetFileNameWithoutExtension(bundleFile) + ExpectSuffix);
        return File.Exists(candidate) ? candidate : null;
    }
}
