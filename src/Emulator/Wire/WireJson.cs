using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OpenWxCluster.Emulator.Wire;

/// <summary>
/// Serialisation as the service does it: PascalCase names as declared, raw UTF-8, and a plain '/' (never '\/') in
/// Content, which some clients compare literally.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Json<T>(T body) =>
        Results.Text(JsonSerializer.Serialize(body, Options), "text/plain; charset=utf-8");

    public static IResult Ret(int ret, string errMsg = "") => Json(new WireRetOnly(new WireBaseResponse(ret, errMsg)));

    /// <summary>The JavaScript snippets (jslogin, login poll, synccheck) clients eval or regex.</summary>
    public static IResult Js(string script) => Results.Text(script, "text/javascript; charset=utf-8");
}
