using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>The multipart body of one webwxuploadmedia chunk, field for field as the web client sends it.</summary>
internal static class WxUploadForm
{
    public const int ChunkSize = 512 * 1024;
    public const long MaxBytes = 20L * 1024 * 1024;


    public static MultipartFormDataContent Build(
        WxSession session, string toUserName, WxUpload upload, string clientMediaId, string fileMd5, int chunk, int chunks)
    {
        var total = upload.Data.Length;
        var request = new JsonObject
        {
            ["UploadType"] = 2,
            ["BaseRequest"] = WxRequests.BaseRequest(session),
            ["ClientMediaId"] = clientMediaId,
            ["TotalLen"] = total,
            ["StartPos"] = 0,
            ["DataLen"] = total,
            ["MediaType"] = 4,
            ["FromUserName"] = session.UserName,
            ["ToUserName"] = toUserName,
            ["FileMd5"] = fileMd5,
        };

        var form = new MultipartFormDataContent();
        Add(form, "id", "WU_FILE_0");
        Add(form, "name", upload.FileName);
        Add(form, "type", upload.MimeType);
        Add(form, "lastModifiedDate", BrowserDate(upload.LastModified ?? DateTimeOffset.Now));
        Add(form, "size", total.ToString(CultureInfo.InvariantCulture));
        if (chunks > 1)
        {
            Add(form, "chunks", chunks.ToString(CultureInfo.InvariantCulture));
            Add(form, "chunk", chunk.ToString(CultureInfo.InvariantCulture));
        }

        Add(form, "mediatype", MediaTypeField(upload.Kind));
        Add(form, "uploadmediarequest", WxJson.Serialize(request));
        Add(form, "webwx_data_ticket", session.Cookies.TryGetValue("webwx_data_ticket", out var ticket) ? ticket.Value : "");
        Add(form, "pass_ticket", session.PassTicket);

        var start = chunk * ChunkSize;
        var slice = upload.Data.Slice(start, Math.Min(ChunkSize, total - start));
        var file = new ReadOnlyMemoryContent(slice);
        file.Headers.ContentType = new MediaTypeHeaderValue(string.IsNullOrEmpty(upload.MimeType) ? "application/octet-stream" : upload.MimeType);
        form.Add(file, "filename", upload.FileName);
        return form;
    }

    public static int ChunkCount(int length) => Math.Max(1, (length + ChunkSize - 1) / ChunkSize);

    public static string Md5Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(MD5.HashData(data));

    /// <summary>pic / video / doc, the web client's coarse media type.</summary>
    public static string MediaTypeField(WxMediaKind kind) => kind switch
    {
        WxMediaKind.Image or WxMediaKind.Emoticon => "pic",
        WxMediaKind.Video => "video",
        _ => "doc",
    };

    private static void Add(MultipartFormDataContent form, string name, string value) => form.Add(new StringContent(value), name);

    /// <summary>JavaScript's Date.toString() shape ("Tue Jan 01 2019 00:00:00 GMT+0800"), as the browser sends it.</summary>
    public static string BrowserDate(DateTimeOffset value) =>
        value.ToString("ddd MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture)
        + " GMT" + value.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
}
