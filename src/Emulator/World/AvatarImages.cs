using QRCoder;

namespace OpenWxCluster.Emulator.World;

/// <summary>A distinct, stable picture per contact (a tiny QR of its id): enough for clients that cache or hash avatars.</summary>
internal static class AvatarImages
{
    /// <summary>Rendered on demand rather than cached: a big world has far more contacts than avatar downloads.</summary>
    public static byte[] For(string id)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode("avatar:" + id, QRCodeGenerator.ECCLevel.L);
        return new PngByteQRCode(data).GetGraphic(2);
    }
}
