namespace OpenWxCluster.WebFront;

/// <summary>Cross-origin answers of the API (<c>App:Api:Cors</c>); empty: no <c>Access-Control-*</c> headers.</summary>
public sealed class ApiCorsOptions
{
    /// <summary>Origins (<c>https://host:port</c>) a browser page may call the API from; <c>*</c> allows any, as Mojo.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
