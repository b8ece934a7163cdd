using OpenWxCluster.Grains.Account;

namespace OpenWxCluster.Grains.UnitTests.Media;

/// <summary>Mojo's media fields of a received message once stored, or its marker when nothing could be stored.</summary>
public sealed class MediaMapperTests
{
    private static readonly ChatMessage Image = new()
    {
        Id = "42",
        Content = "[图片]",
        Format = "media",
        Extra = new Dictionary<string, string> { ["media_id"] = "42:3", ["media_type"] = "image" },
    };

    [Fact]
    public void A_stored_media_adds_its_fields_and_its_path_to_the_content()
    {
        var info = new MediaInfo(new MediaKey("wx/a", "42"), "/m/abc.png", "image/png", "42.png", 1234);

        var chat = MediaMapper.WithMedia(Image, info);

        Assert.Equal("[图片](/m/abc.png)", chat.Content);
        Assert.Equal("/m/abc.png", chat.Extra["media_path"]);
        Assert.Equal("image/png", chat.Extra["media_mime"]);
        Assert.Equal("1234", chat.Extra["media_size"]);
        Assert.Equal("42.png", chat.Extra["media_name"]);
        Assert.Equal("png", chat.Extra["media_ext"]);
        Assert.Equal("42:3", chat.Extra["media_id"]);
        Assert.False(Image.Extra.ContainsKey("media_path")); // the parsed message is not changed
    }

    [Fact]
    public void A_media_that_could_not_be_stored_keeps_its_content_and_says_why()
    {
        var chat = MediaMapper.Failed(Image, "download failed");

        Assert.Equal("[图片]", chat.Content);
        Assert.Equal("download failed", chat.Extra["media_error"]);
        Assert.False(chat.Extra.ContainsKey("media_path"));
    }

    [Theory]
    [InlineData("image", "image/png", new byte[] { 1 }, "image/png")]
    [InlineData("emoticon", null, new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9' }, "image/gif")]
    [InlineData("image", "application/octet-stream", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0 }, "image/png")]
    [InlineData("image", "", new byte[] { 0xFF, 0xD8, 0xFF, 0 }, "image/jpeg")]
    [InlineData("voice", null, new byte[] { 1 }, "audio/mp3")]
    [InlineData("microvideo", null, new byte[] { 1 }, "video/mp4")]
    [InlineData("file", "application/octet-stream", new byte[] { 1 }, "application/octet-stream")]
    public void The_mime_type_comes_from_the_answer_else_the_bytes_else_the_media_kind(string kind, string? contentType, byte[] data, string expected) =>
        Assert.Equal(expected, MediaMapper.MimeOf(kind, contentType, data));

    [Fact]
    public void A_file_keeps_its_name_and_other_media_are_named_after_the_message()
    {
        Assert.Equal("report.pdf", MediaMapper.NameOf("7", "report.pdf", "application/octet-stream"));
        Assert.Equal("7.mp4", MediaMapper.NameOf("7", null, "video/mp4"));
        Assert.Equal("7.dat", MediaMapper.NameOf("7", "", "application/x-unknown"));
    }
}
