using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Endpoint metadata: the JSON a route answers with (besides Mojo's error object). Rendered as the 200 response
/// schema, and checked against every JSON reply in strict mode (<c>App:Api:StrictDocs</c>).
/// </summary>
/// <param name="SendError">A send route: its error object is <c>{"id":null,"code":..,"status":..}</c>.</param>
/// <param name="FileType">The route answers a file of this media type on success (the shape is then unused).</param>
/// <param name="Redirect">A console form action: answers a redirect to the list page.</param>
public sealed record MojoAnswers(MojoShape Shape, bool SendError = false, string? FileType = null, bool Redirect = false)
{
    /// <summary>Strict mode: a JSON reply its route's declared shape does not allow fails the request loudly.</summary>
    internal static void CheckIfStrict(HttpContext context, Func<JsonNode?> reply)
    {
        // A bare context (unit tests of the binding) has no services: not strict.
        if (context.RequestServices?.GetService<IOptions<OpenWxApiOptions>>()?.Value.StrictDocs != true
            || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<MojoAccepts>() is null)
        {
            // Not a documented Mojo route (the admin console, the OneBot intake).
            return;
        }
        var body = reply();
        var declared = endpoint.Metadata.GetMetadata<MojoAnswers>();
        var mismatch = declared is null ? "no MojoAnswers metadata"
            : declared.FileType is not null ? (MojoShapeCheck.IsError(body) ? null : "a JSON reply other than the error object from a file route")
            : MojoShapeCheck.Mismatch(body, declared.Shape);
        if (mismatch is not null)
        {
            throw new InvalidOperationException($"StrictDocs: route {endpoint.DisplayName} answered JSON its declared shape does not allow: {mismatch}");
        }
    }
}
