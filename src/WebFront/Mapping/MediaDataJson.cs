namespace OpenWxCluster.WebFront;

/// <summary>
/// <c>media_data</c> (base64, as Mojo's <c>to_json_hash</c>) read from the media store when an entry is rendered:
/// events carry only the media reference, never the bytes. <see cref="EventJson.Entry"/> writes it into the entry.
/// </summary>
public static class MediaDataJson
{
    /// <summary>
    /// The stored bytes of the event's media as base64 if they fit <paramref name="budget"/>, else null. An evicted
    /// media or a store failure gives null: the entry keeps its <c>media_path</c>, and get_media answers for it.
    /// </summary>
    public static async Task<string?> ReadAsync(AccountEvent accountEvent, IMediaStore store, long budget, CancellationToken cancellation) =>
        await ReadBytesAsync(accountEvent, store, budget, cancellation) is { } bytes ? Convert.ToBase64String(bytes) : null;

    /// <summary>
    /// media_data for each entry of a check_event answer (null where there is none), at most
    /// <paramref name="budget"/> bytes in all, in order (Mojo's list holds 20 entries; ours many more).
    /// </summary>
    public static async Task<string?[]> ReadAllAsync(IReadOnlyList<AccountEvent> events, IMediaStore store, long budget, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(events);
        var data = new string?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (await ReadBytesAsync(events[i], store, budget, cancellation) is { } bytes)
            {
                data[i] = Convert.ToBase64String(bytes);
                budget -= bytes.Length;
            }
        }
        return data;
    }

    private static async Task<byte[]?> ReadBytesAsync(AccountEvent accountEvent, IMediaStore store, long budget, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        ArgumentNullException.ThrowIfNull(store);
        if (accountEvent.Message is not { } message || !message.Extra.ContainsKey(MediaFields.Path) || budget <= 0)
        {
            return null;
        }
        StoredMedia? media;
        try
        {
            media = await store.ReadAsync(new MediaKey(accountEvent.AccountKey, message.Id), cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
        return media is null || media.Data.Length > budget ? null : media.Data;
    }
}
