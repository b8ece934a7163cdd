namespace OpenWxCluster.Grains.Media;

/// <summary>Reads a stream to its end unless it holds more than a limit.</summary>
public static class BoundedRead
{
    /// <summary>The bytes, or null as soon as more than <paramref name="limit"/> arrive.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
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
