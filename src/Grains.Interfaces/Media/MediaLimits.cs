namespace OpenWxCluster.Contracts;

/// <summary>Bounds of outgoing media, shared by the API (which reads the bytes) and the account grain.</summary>
public static class MediaLimits
{
    /// <summary>Web WeChat's upload limit (20 MB); nothing larger is read, fetched or uploaded.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Mojo's status text for a file past <see cref="MaxBytes"/>.</summary>
    public static readonly string TooLarge = $"media size exceed, maximum size is {MaxBytes} bytes";
}
