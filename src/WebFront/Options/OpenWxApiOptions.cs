namespace OpenWxCluster.WebFront;

/// <summary>Settings of the Mojo-compatible API, bound from <see cref="SectionName"/>.</summary>
public sealed class OpenWxApiOptions
{
    /// <summary>Kept out of the <c>Orleans</c> section, which Orleans binds on its own.</summary>
    public const string SectionName = "App:Api";

    /// <summary>How long check_event holds a request without events before answering <c>[]</c> (Mojo: 30 s).</summary>
    public TimeSpan CheckEventHold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest single <c>IEventInboxGrain.PeekAsync</c> wait; check_event loops over such calls. Capped at
    /// <see cref="MaxInboxPollWait"/> to stay well inside the client's 35 s response timeout.
    /// </summary>
    public TimeSpan InboxPollWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most events one cursor-mode check_event answers (<c>cursor=</c>); the rest come with the next poll.</summary>
    public int CursorBatchSize { get; set; } = 500;

    /// <summary>The client used when a single-account route gets no <c>client=</c> (Mojo's single-account mode).</summary>
    public string DefaultClient { get; set; } = "default";

    /// <summary>
    /// When set, every API route needs it as <c>token=</c>, header <c>X-OpenWx-Token</c> or
    /// <c>Authorization: Bearer</c>. Null or empty: no authentication, as Mojo without an <c>auth</c> callback.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>Longest text a send takes, in characters (received text is cut at the silo's OpenWx:Sync:MaxTextLength).</summary>
    public int MaxContentLength { get; set; } = 65_536;

    /// <summary>
    /// Most media bytes one check_event answer carries as <c>media_data</c>; entries past it keep <c>media_path</c>
    /// (get_media serves them). Mojo's list holds 20 entries, ours thousands.
    /// </summary>
    public long MaxMediaDataBytes { get; set; } = 64L * 1024 * 1024;

    public static readonly TimeSpan MaxInboxPollWait = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxCheckEventHold = TimeSpan.FromSeconds(120);
    public const int MaxCursorBatchSize = 5_000;
}
