namespace OpenWxCluster.WebFront;

/// <summary>
/// Confines media_path to the configured media folder: no <c>..</c>, and the real path (every symbolic link along
/// it resolved) must lie inside the folder's real path, so neither an absolute path nor a link leads out.
/// </summary>
internal static class MediaFolder
{
    /// <summary>Linux gives up after 40 links; so does this.</summary>
    private const int MaxLinks = 40;

    /// <summary>The real path of an existing file inside <paramref name="folder"/>, or the problem.</summary>
    public static (string? Path, MediaProblem? Problem) Resolve(string? folder, string requested)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return (null, new MediaProblem("media_path is disabled: no media folder is configured (OpenWx:Media:SendFolder)", StatusCodes.Status403Forbidden));
        }
        if (requested.Split('/', '\\').Contains(".."))
        {
            return (null, Outside("'..' is not allowed"));
        }
        var root = RealPath(Path.GetFullPath(folder));
        if (root is null || !Directory.Exists(root))
        {
            return (null, new MediaProblem("media folder does not exist", StatusCodes.Status500InternalServerError));
        }
        // An absolute media_path replaces the folder here; it is then judged by where it really leads.
        var real = RealPath(Path.GetFullPath(Path.Combine(root, requested)));
        if (real is null)
        {
            return (null, MediaProblem.Invalid("invalid media_path: no such file"));
        }
        if (!real.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (null, Outside("it leads outside the media folder"));
        }
        return File.Exists(real) ? (real, null) : (null, MediaProblem.Invalid("invalid media_path: not a file"));
    }

    private static MediaProblem Outside(string why) => new($"invalid media_path: {why}", StatusCodes.Status403Forbidden);

    /// <summary>The path with every symbolic link resolved, component by component; null if a part is missing.</summary>
    internal static string? RealPath(string fullPath)
    {
        var current = Path.GetPathRoot(fullPath)!;
        var pending = new Queue<string>(Parts(fullPath, current));
        var links = 0;
        while (pending.TryDequeue(out var part))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                if (!Path.Exists(next))
                {
                    return null;
                }
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            // A link's target is read relative to the (already real) folder holding the link.
            var full = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            current = Path.GetPathRoot(full)!;
            pending = new Queue<string>(Parts(full, current).Concat(pending));
        }
        return current;
    }

    private static string[] Parts(string path, string root) =>
        path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
}
