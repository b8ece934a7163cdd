using System.Text.RegularExpressions;

namespace OpenWxCluster.Protocol.Tests.Support;

/// <summary>Splits a recorded multipart/form-data body (text payloads only) into its named parts.</summary>
public static partial class Multipart
{
    public static Dictionary<string, string> Parts(RecordedRequest request)
    {
        var boundary = BoundaryRegex().Match(request.Header("Content-Type") ?? "").Groups[1].Value.Trim('"');
        Assert.NotEmpty(boundary);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in request.Body.Split("--" + boundary).Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var headerEnd = section.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = section[..headerEnd];
            var name = NameRegex().Match(headers).Groups[1].Value.Trim('"');
            parts[name] = section[(headerEnd + 4)..^2];
        }

        return parts;
    }

    [GeneratedRegex("boundary=([^;]+)")]
    private static partial Regex BoundaryRegex();

    [GeneratedRegex("name=(\"[^\"]*\"|[^;\\r\\n]+)")]
    private static partial Regex NameRegex();
}
