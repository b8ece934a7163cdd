using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Turns a request's media parameters into the typed <see cref="OutgoingMedia"/> the account grain takes: reads
/// media_path inside the media folder, decodes media_data, has media_url fetched under the destination policy
/// (<see cref="IMediaFetchGrain"/>), each at most <see cref="MediaLimits.MaxBytes"/>.
/// </summary>
internal static class MediaReader
{
    public static bool HasMedia(HttpContext http, MojoParameters parameters) =>
        MediaParameters.HasMedia(parameters, MediaFile(http) is not null);

    public static async Task<(OutgoingMedia? Media, MediaProblem? Problem)> ReadAsync(
        HttpContext http, MojoParameters parameters, IGrainFactory grains)
    {
        var file = MediaFile(http);
        var (source, problem) = MediaParameters.SourceOf(parameters, file is not null);
        var (kind, kindProblem) = MediaParameters.KindOf(parameters["media_type"]);
        var name = parameters["media_name"] is { Length: > 0 } n ? n : null;
        if ((problem ?? kindProblem ?? MediaParameters.NameProblem(name)) is { } invalid)
        {
            return (null, invalid);
        }
        if (source == "media_id")
        {
            var mediaId = parameters["media_id"]!;
            return MediaParameters.IdProblem(mediaId) is { } idProblem
                ? (null, idProblem)
                : (new OutgoingMedia(null, mediaId, kind, name), null);
        }
        var mime = parameters["media_mime"] is { Length: > 0 } m ? m : null;
        var (upload, readProblem) = source switch
        {
            "media_data" when file is not null => await FromFileAsync(file, http.RequestAborted),
            "media_data" => FromBase64(parameters["media_data"]!),
            "media_path" when MediaParameters.IsUrl(parameters["media_path"]!) => await FromUrlAsync(grains, parameters["media_path"]!),
            "media_path" => await FromPathAsync(http, parameters["media_path"]!),
            _ => await FromUrlAsync(grains, parameters["media_url"]!),
        };
        if (upload is null)
        {
            return (null, readProblem);
        }
        upload = upload with { Name = name ?? upload.Name, Mime = mime ?? upload.Mime, Kind = kind };
        return (new OutgoingMedia(upload, null), null);
    }

    /// <summary>Mojo's media_data as a multipart file part: raw bytes.</summary>
    private static IFormFile? MediaFile(HttpContext http) =>
        http.Request.HasFormContentType && http.Request.Form.Files.GetFile("media_data") is { Length: > 0 } f ? f : null;

    private static async Task<(MediaUpload?, MediaProblem?)> FromFileAsync(IFormFile file, CancellationToken cancellation)
    {
        if (file.Length > MediaLimits.MaxBytes)
        {
            return (null, MediaProblem.TooLarge());
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellation);
        var name = string.IsNullOrEmpty(file.FileName) ? "media" : Path.GetFileName(file.FileName);
        return (new MediaUpload(buffer.ToArray(), name, file.ContentType is { Length: > 0 } t && t != "application/octet-stream" ? t : null, null), null);
    }

    private static (MediaUpload?, MediaProblem?) FromBase64(string base64)
    {
        var (data, problem) = MediaParameters.Decode(base64);
        return data is null ? (null, problem) : (new MediaUpload(data, "media", null, null), null);
    }

    private static async Task<(MediaUpload?, MediaProblem?)> FromPathAsync(HttpContext http, string requested)
    {
        var folder = http.RequestServices.GetRequiredService<IOptions<MediaFolderOptions>>().Value.SendFolder;
        var (path, problem) = MediaFolder.Resolve(folder, requested);
        if (path is null)
        {
            return (null, problem);
        }
        if (new FileInfo(path).Length > MediaLimits.MaxBytes)
        {
            return (null, MediaProblem.TooLarge());
        }
        var data = await File.ReadAllBytesAsync(path, http.RequestAborted);
        return (new MediaUpload(data, Path.GetFileName(requested), null, null), null);
    }

    private static async Task<(MediaUpload?, MediaProblem?)> FromUrlAsync(IGrainFactory grains, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, MediaProblem.Invalid("media_url must be an absolute http or https URL"));
        }
        var fetched = await grains.GetGrain<IMediaFetchGrain>(0).FetchAsync(url);
        return fetched.Error switch
        {
            MediaFetchError.None => (fetched.Upload, null),
            MediaFetchError.Refused => (null, new MediaProblem(fetched.Status, StatusCodes.Status403Forbidden)),
            MediaFetchError.TooLarge => (null, MediaProblem.TooLarge()),
            _ => (null, new MediaProblem(fetched.Status, StatusCodes.Status502BadGateway)),
        };
    }
}
