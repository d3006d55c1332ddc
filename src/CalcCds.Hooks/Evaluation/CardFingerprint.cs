using System.Security.Cryptography;
using System.Text;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Evaluation;

/// <summary>
/// "The same card on unchanged inputs", for repeat suppression (Product decision 9): SHA-256 over rule, lesion,
/// indicator, summary and detail. A card's detail names every fact that fired it with its reference, value and date
/// (Product decision 10), so a new lab value, a changed size or a new report changes the fingerprint; no rule writes
/// text that changes with the clock alone (no "N days ago"), which docs/operations.md records as a rule for new rules.
/// </summary>
public static class CardFingerprint
{
    public static string Compute(string ruleId, string lesionKey, CardIndicator indicator, string summary, string? detail)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(lesionKey);
        ArgumentNullException.ThrowIfNull(summary);
        // Each field is length-prefixed so that moving text between fields can never produce the same bytes.
        var text = new StringBuilder();
        foreach (var field in new[] { ruleId, lesionKey, indicator.ToString(), summary, detail ?? string.Empty })
        {
            text.Append(field.Length).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
