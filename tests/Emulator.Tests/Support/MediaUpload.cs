using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OpenWxCluster.Emulator.Tests.Support;

/// <summary>webwxuploadmedia exactly as the web client sends it (multipart on file.{d}, 512 KB chunks).</summary>
internal static class MediaUpload
{
    public const string FileHost = "file.wx2.qq.com";
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";
    private const int ChunkSize = 512 * 1024;

    /// <summary>Uploads every chunk and returns the MediaId of the last answer (earlier ones must be empty).</summary>
    public static async Task<string> UploadAsync(WebSession s, string toUserName, byte[] file, string name, string mime, string mediaType)
    {
        var chunks = Math.Max(1, (file.Length + ChunkSize - 1) / ChunkSize);
        var clientMediaId = "1700000000000" + Random.Shared.Next(1000, 9999);
        var mediaId = "";
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var part = file.AsSpan(chunk * ChunkSize, Math.Min(ChunkSize, file.Length - (chunk * ChunkSize))).ToArray();
            var request = JsonSerializer.Serialize(new
            {
                UploadType = 2, BaseRequest = s.BaseRequest(), ClientMediaId = clientMediaId, TotalLen = file.Length, StartPos = 0,
                DataLen = file.Length, MediaType = 4, FromUserName = s.UserName, ToUserName = toUserName, FileMd5 = "",
            });
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("WU_FILE_0"), "id");
            form.Add(new StringContent(name), "name");
            form.Add(new StringContent(mime), "type");
            form.Add(new StringContent("Tue Jan 01 2019 00:00:00 GMT+0800 (中国标准时间)"), "lastModifiedDate");
            form.Add(new StringContent(file.Length.ToString()), "size");
            if (chunks > 1)
            {
                form.Add(new StringContent(chunks.ToString()), "chunks");
                form.Add(new StringContent(chunk.ToString()), "chunk");
            }

            form.Add(new StringContent(mediaType), "mediatype");
            form.Add(new StringContent(request, Encoding.UTF8), "uploadmediarequest");
            form.Add(new StringContent(s.Client.Cookies["webwx_data_ticket"]), "webwx_data_ticket");
            form.Add(new StringContent(s.PassTicket), "pass_ticket");
            var bytes = new ByteArrayContent(part);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(bytes, "filename", name);
            using var response = await s.Client.SendAsync(HttpMethod.Post, FileHost, $"{Cgi}webwxuploadmedia?f=json", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(0, reply.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
            mediaId = reply.GetProperty("MediaId").GetString()!;
            Assert.Equal(chunk == chunks - 1, mediaId.Length > 0);
        }

        return mediaId;
    }

    /// <summary>Deterministic non-trivial bytes.</summary>
    public static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31) + seed + (i >> 9)))];
}
