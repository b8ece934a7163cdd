namespace OpenWxCluster.Media;

/// <summary>Received media settings (config section <c>OpenWx:Media</c>).</summary>
public sealed class MediaStoreOptions
{
    public const string SectionName = "OpenWx:Media";

    /// <summary>
    /// PostgreSQL connection string: set, media go to the <c>openwx_media</c> table (the silo sets it when grain
    /// storage is PostgreSQL); empty, to <see cref="Folder"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the file store.</summary>
    public string Folder { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "openwx-media");

    /// <summary>All stored media together at most; past it the oldest are evicted.</summary>
    public long MaxTotalBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Media older than this are evicted (and no longer served).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A received media larger than this is not stored (Mojo's 20 MB media limit).</summary>
    public int MaxMediaBytes { get; set; } = 20 * 1024 * 1024;
}
