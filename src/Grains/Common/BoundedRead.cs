namespace OpenWxCluster.Grains.Common;

/// <summary>Reads an HTTP body unless it is larger than a limit (a webhook's answer, a media_url).</summary>
public static class BoundedRead
{
    /// <summary>The bytes, or null when Content-Length says more than <paramref name="limit"/> or more arrive.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
