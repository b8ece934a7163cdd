using System.Security.Cryptography;
using QRCoder;

namespace OpenWxCluster.Emulator.World;

/// <summary>Renders the login QR exactly as a phone expects to read it: <c>https://login.weixin.qq.com/l/&lt;uuid&gt;</c>.</summary>
internal static class QrImages
{
    public static string PayloadOf(string uuid) => "https://login.weixin.qq.com/l/" + uuid;

    public static byte[] Render(string uuid)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PayloadOf(uuid), QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
