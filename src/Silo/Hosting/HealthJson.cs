using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OpenWxCluster.Silo.Hosting;

/// <summary><c>/readyz</c>'s body: the overall status and each check's, so an operator sees which one failed.</summary>
public static class HealthJson
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString().ToLowerInvariant(),
            ["checks"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, string?> { ["status"] = e.Value.Status.ToString().ToLowerInvariant(), ["detail"] = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}
