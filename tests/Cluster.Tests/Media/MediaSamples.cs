using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Cluster.Tests.Media;

/// <summary>Distinct media bytes per test (so a wrong media can never pass for the right one) and their checks.</summary>
internal static class MediaSamples
{
    public static byte[] Png(int seed) => [0x89, 0x50, 0x4E, 0x47, .. Bytes(seed, 300)];

    public static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static ControlMessageResult Send(EmulatorWorld world, string from, string to, int msgType, byte[] data, string? fileName = null, string? mime = null) =>
        world.SendMedia(new ControlMediaMessageRequest(from, to, msgType, Convert.ToBase64String(data), FileName: fileName, Mime: mime));

    /// <summary>The entry (a post body or a check_event element) carries the bytes and Mojo's media fields.</summary>
    public static void AssertCarries(JsonElement entry, byte[] data, string mime, string? name = null)
    {
        Assert.Equal(Convert.ToBase64String(data), entry.GetProperty("media_data").GetString());
        Assert.Equal(mime, entry.GetProperty("media_mime").GetString());
        Assert.Equal(data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("media_size").GetString());
        if (name is not null)
        {
            Assert.Equal(name, entry.GetProperty("media_name").GetString());
        }
        var path = entry.GetProperty("media_path").GetString()!;
        Assert.EndsWith($"({path})", entry.GetProperty("content").GetString());
        Assert.False(entry.TryGetProperty("media_error", out _));
    }

    /// <summary>get_media answers the same bytes with the media's content type.</summary>
    public static async Task AssertServedAsync(HttpClient http, string client, string id, byte[] data, string mime)
    {
        using var response = await http.GetAsync($"openwx/get_media?client={client}&id={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mime, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(data, await response.Content.ReadAsByteArrayAsync());
    }
}
