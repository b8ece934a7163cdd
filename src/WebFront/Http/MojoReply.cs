using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>A JSON reply (object or array) written by <see cref="MojoJson"/> from a tree; <see cref="MojoStreamedReply"/> writes without one.</summary>
public sealed class MojoReply(JsonNode? body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public JsonNode? Body { get; } = body;

    public int StatusCode { get; } = statusCode;

    public Task ExecuteAsync(HttpContext httpContext) => MojoJson.WriteAsync(httpContext, Body, StatusCode);

    public static MojoReply Json(JsonNode? body) => new(body);

    /// <summary><c>{"code":code,"status":status}</c>, Mojo's error shape (HTTP 200: Mojo clients read the code).</summary>
    public static MojoReply Error(int code, string status) => new(new JsonObject { ["code"] = code, ["status"] = status });

    /// <summary>The same shape with an HTTP status, for requests no retry can fix (a bad cursor).</summary>
    public static MojoReply Error(int code, string status, int httpStatus) =>
        new(new JsonObject { ["code"] = code, ["status"] = status }, httpStatus);

    /// <summary>The send-route error shape: <c>{"id":null,"code":..,"status":..}</c>.</summary>
    public static MojoReply SendError(int code, string status) =>
        new(new JsonObject { ["id"] = null, ["code"] = code, ["status"] = status });
}
