namespace OpenWxCluster.WebFront;

/// <summary>The JSON the list page polls, and the login QR as an image; admins only (<see cref="AdminAccess"/>).</summary>
internal static class AdminApi
{
    public static async Task<IResult> AccountsAsync(IGrainFactory grains, TimeProvider time) =>
        Results.Text(AdminJson.Accounts(await AccountOverview.ListAsync(grains), time.GetUtcNow()).ToJsonString(), "application/json", System.Text.Encoding.UTF8);

    /// <summary>The QR the account waits to have scanned (the same grain call as get_qrcode); 404 when there is none.</summary>
    public static async Task<IResult> QrAsync(string platform, string client, IGrainFactory grains)
    {
        if (AdminActions.KeyOf(platform, client) is not { } key
            || await grains.GetAccount(key).GetQrCodeAsync() is not { Bytes.Length: > 0 } qr)
        {
            return Results.NotFound();
        }
        return Results.Bytes(qr.Bytes, string.IsNullOrEmpty(qr.ContentType) ? "image/jpeg" : qr.ContentType);
    }
}
