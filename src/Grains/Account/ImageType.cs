namespace OpenWxCluster.Grains.Account;

/// <summary>Content type of image bytes by magic number (upstream QR codes are JPEG; the emulator may serve PNG).</summary>
public static class ImageType
{
    public static string Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, ..] => "image/gif",
        _ => "application/octet-stream",
    };
}
