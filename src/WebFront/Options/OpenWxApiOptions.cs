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

    /// <summary>
    /// Development and tests: a route that reads a parameter it did not declare, or answers JSON its declared shape
    /// does not allow, fails loudly (the OpenAPI document cannot drift from the handlers). Off in production.
    /// </summary>
    public bool StrictDocs { get; set; }

    /// <summary>
    /// The operator's credential, for the Controller routes (start_client, stop_client, check_client, get_qrcode),
    /// relogin and get_post_log; it opens the messaging routes too. Null or empty: <see cref="ApiToken"/> serves.
    /// </summary>
    public string? AdminToken { get; set; }

    /// <summary>Per-account settings by client name (<c>App:Api:Accounts:&lt;client&gt;:ApiToken</c>).</summary>
    public Dictionary<string, AccountApiOptions> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest request body, refused with HTTP 413 before it is read (media routes: <see cref="MaxMediaBodyBytes"/>).</summary>
    public long MaxBodyBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>
    /// Largest body of the routes that take media_data (upload_media, send_*_message, consult): a 20 MB file as
    /// base64 in a urlencoded form, whose <c>+</c> and <c>/</c> become <c>%2B</c> and <c>%2F</c>.
    /// </summary>
    public long MaxMediaBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Longest query string (bytes as sent), refused with HTTP 414; Mojo's own line limit is 8 KiB.</summary>
    public int MaxQueryLength { get; set; } = 8_192;

    /// <summary>Requests per credential (or per remote address without one); see <see cref="ApiRateLimitOptions"/>.</summary>
    public ApiRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Wrong admin-console logins allowed per remote address; see <see cref="AdminLoginLimitOptions"/>.</summary>
    public AdminLoginLimitOptions AdminLogin { get; set; } = new();

    /// <summary>Cross-origin answers; none by default (Mojo sends <c>*</c> to every origin).</summary>
    public ApiCorsOptions Cors { get; set; } = new();

    /// <summary>Mojo's <c>datatype=jsonp</c>; off by default, since JSONP lets any web page read the answers.</summary>
    public bool Jsonp { get; set; }

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
