using System.Globalization;
using CalcCds.Cli.Replay;

namespace CalcCds.Cli.Output;

internal static class SummaryLine
{
    /// <summary>e.g. <c>replayed 17 bundles, 17 patients: 12 cards (0 critical, 1 warning, 11 info), 0 errors, 0 expectation failures in 3.2 s</c>.</summary>
    public static string Format(RunSummary s)
    {
        var total = s.CardsByIndicator.Values.Sum();
        var byIndicator = string.Join(", ", s.CardsByIndicator.Select(p => $"{p.Value} {p.Key}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"replayed {s.Bundles} {Plural(s.Bundles, "bundle")}, {s.Patients} {Plural(s.Patients, "patient")}: {total} {Plural(total, "card")} ({byIndicator}), {s.Errors} {Plural(s.Errors, "error")}, {s.ExpectationFailures} expectation {Plural(s.ExpectationFailures, "failure")} in {s.Elapsed.TotalSeconds:0.0} s");
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
