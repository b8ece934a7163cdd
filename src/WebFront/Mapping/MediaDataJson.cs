using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// <c>media_data</c> (base64, as Mojo's <c>to_json_hash</c>) read from the media store when an entry is rendered:
/// events carry only the media reference, never the bytes.
/// </summary>
public static class MediaDataJson
{
    /// <summary>
    /// Adds the stored bytes of the event's media to its rendered entry if they fit <paramref name="budget"/>; returns
    /// how many bytes were added. An evicted media or a store failure adds nothing: the entry keeps its
    /// <c>media_path</c>, and get_media answers for it.
    /// </summary>
    public static async Task<long> AddAsync(JsonObject entry, AccountEvent accountEvent, IMediaStore store, long budget, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(accountEvent);
        ArgumentNullException.ThrowIfNull(store);
        if (accountEvent.Message is not { } message || !message.Extra.ContainsKey(MediaFields.Path) || budget <= 0)
        {
            return 0;
        }
        StoredMedia? media;
        try
        {
            media = await store.ReadAsync(new MediaKey(accountEvent.AccountKey, message.Id), cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return 0;
        }
        if (media is null || media.Data.Length > budget)
        {
            return 0;
        }
        entry[MediaFields.Data] = Convert.ToBase64String(media.Data);
        return media.Data.Length;
    }

    /// <summary>
    /// Adds media_data to the entries of a check_event answer whose last entries are <paramref name="events"/>, at
    /// most <paramref name="budget"/> bytes in all (Mojo's list holds 20 entries; ours many more).
    /// </summary>
    public static async Task AddAllAsync(JsonArray answer, IReadOnlyList<AccountEvent> events, IMediaStore store, long budget, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(events);
        var offset = answer.Count - events.Count;
        for (var i = 0; i < events.Count; i++)
        {
            if (answer[offset + i] is JsonObject entry)
            {
                budget -= await AddAsync(entry, events[i], store, budget, cancellation);
            }
        }
    }
}
