namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// Logging defaults that hold even without appsettings.json: libraries speak at warning level, and no outgoing
/// request is logged at all (web WeChat URLs carry skey, pass_ticket and the QR uuid in their query).
/// </summary>
public static class QuietDefaults
{
    private static readonly string[] Libraries = ["Microsoft.AspNetCore", "Microsoft.Extensions.Http", "Orleans", "Polly", "System.Net.Http"];

    public static void Apply(WebApplicationBuilder builder)
    {
        foreach (var category in Libraries)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
    }
}
