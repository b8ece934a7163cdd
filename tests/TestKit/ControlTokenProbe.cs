using System.Net;
using System.Net.Http.Headers;

namespace OpenWxCluster.TestKit;

/// <summary>What an emulator's <c>/control/health</c> answers without a token, with a wrong one and with the right one.</summary>
public static class ControlTokenProbe
{
    public static async Task<(HttpStatusCode Missing, HttpStatusCode Wrong, HttpStatusCode Right)> HealthAsync(Uri baseUri, string token)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        return (await StatusAsync(http, null), await StatusAsync(http, "guess"), await StatusAsync(http, token));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "control/health");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
