using OpenWxCluster.Grains.Media;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>Mojo's upload type detection: mime from the caller, else the extension, else the bytes; kind from the mime.</summary>
public sealed class MediaMimeTests
{
    [Theory]
    [InlineData("Image/PNG", "x.gif", "image/png")]
    [InlineData(null, "a.JPG", "image/jpeg")]
    [InlineData(null, "a.jpeg", "image/jpeg")]
    [InlineData(null, "a.gif", "image/gif")]
    [InlineData(null, "a.bmp", "image/bmp")]
    [InlineData(null, "song.mp3", "audio/mpeg")]
    [InlineData(null, "clip.mp4", "video/mp4")]
    [InlineData(" ", "report.pdf", "application/octet-stream")]
    public void The_mime_comes_from_the_caller_then_the_extension(string? mime, string name, string expected) =>
        Assert.Equal(expected, MediaMime.Resolve(mime, name, []));

    [Fact]
    public void Without_a_known_extension_the_bytes_decide() =>
        Assert.Equal(
            ["image/png", "image/jpeg", "image/gif", "application/octet-stream"],
            new byte[][] { [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], "GIF89a"u8.ToArray(), [1, 2, 3] }.Select(b => MediaMime.Resolve(null, "media", b)));

    [Theory]
    [InlineData("image/gif", MediaKind.Emoticon)]
    [InlineData("video/mp4", MediaKind.Video)]
    [InlineData("video/mpeg", MediaKind.Video)]
    [InlineData("image/jpeg", MediaKind.Image)]
    [InlineData("audio/mpeg", MediaKind.File)]
    [InlineData("video/quicktime", MediaKind.File)]
    public void The_kind_follows_mojos_rule(string mime, MediaKind kind) => Assert.Equal(kind, MediaMime.Detect(mime));
}
