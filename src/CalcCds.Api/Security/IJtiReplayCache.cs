namespace CalcCds.Api.Security;

/// <summary>
/// Remembers token ids (<c>jti</c>) until they expire so a captured token cannot be replayed. In memory by
/// default; a store shared between instances (e.g. Redis or a database) can replace it without other changes.
/// </summary>
public interface IJtiReplayCache
{
    /// <summary>
    /// Records <paramref name="jti"/> of <paramref name="issuer"/> until <paramref name="forgetAfter"/>.
    /// Returns false when it was already recorded and not yet forgotten: a replay.
    /// </summary>
    ValueTask<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset forgetAfter, CancellationToken cancellationToken);
}
