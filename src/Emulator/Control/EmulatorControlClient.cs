using System.Net.Http.Json;
using System.Text.Json;

namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// Typed client of the /control API for tests and tools. The HttpClient's BaseAddress must be the emulator's base URI.
/// Non-success replies throw <see cref="EmulatorControlException"/> with the emulator's status and error text.
/// </summary>
public sealed class EmulatorControlClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<UserInfo> CreateUserAsync(CreateUserRequest request, CancellationToken ct = default) =>
        SendAsync<UserInfo>(HttpMethod.Post, "control/users", request, ct);

    public Task<UserInfo> GetUserAsync(string wxid, CancellationToken ct = default) =>
        SendAsync<UserInfo>(HttpMethod.Get, $"control/users/{Esc(wxid)}", null, ct);

    public Task<UserInfo> UpdateUserAsync(string wxid, UpdateUserRequest change, CancellationToken ct = default) =>
        SendAsync<UserInfo>(HttpMethod.Patch, $"control/users/{Esc(wxid)}", change, ct);

    public Task CreateFriendshipAsync(FriendshipRequest request, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "control/friendships", request, ct);

    public Task DeleteFriendshipAsync(string a, string b, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"control/friendships?a={Esc(a)}&b={Esc(b)}", null, ct);

    public Task SetRemarkAsync(string wxid, string contactId, string remarkName, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"control/accounts/{Esc(wxid)}/contacts/{Esc(contactId)}/remark", new RemarkRequest(remarkName), ct);

    public Task<GroupInfo> CreateGroupAsync(CreateGroupRequest request, CancellationToken ct = default) =>
        SendAsync<GroupInfo>(HttpMethod.Post, "control/groups", request, ct);

    public Task<GroupInfo> UpdateGroupAsync(string groupId, UpdateGroupRequest change, CancellationToken ct = default) =>
        SendAsync<GroupInfo>(HttpMethod.Patch, $"control/groups/{Esc(groupId)}", change, ct);

    public Task<IReadOnlyList<PendingLoginInfo>> ListLoginsAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<PendingLoginInfo>>(HttpMethod.Get, "control/logins", null, ct);

    public Task<PendingLoginInfo> ScanAsync(string uuid, string wxid, CancellationToken ct = default) =>
        SendAsync<PendingLoginInfo>(HttpMethod.Post, "control/logins/scan", new ScanRequest { Uuid = uuid, Wxid = wxid }, ct);

    /// <summary>Scans by the QR image bytes a client downloaded, like a phone camera would.</summary>
    public Task<PendingLoginInfo> ScanImageAsync(byte[] qrImage, string wxid, CancellationToken ct = default) =>
        SendAsync<PendingLoginInfo>(HttpMethod.Post, "control/logins/scan", new ScanRequest { QrImageBase64 = Convert.ToBase64String(qrImage), Wxid = wxid }, ct);

    public Task<PendingLoginInfo> ConfirmAsync(string uuid, CancellationToken ct = default) =>
        SendAsync<PendingLoginInfo>(HttpMethod.Post, $"control/logins/{Esc(uuid)}/confirm", null, ct);

    public Task<ControlMessageResult> SendMessageAsync(string from, string to, string content, CancellationToken ct = default) =>
        SendAsync<ControlMessageResult>(HttpMethod.Post, "control/messages", new ControlMessageRequest(from, to, content), ct);

    /// <summary><paramref name="from"/> recalls from its phone a text it sent (POST /control/messages/{msgId}/revoke).</summary>
    public Task RevokeFromPhoneAsync(string from, string msgId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"control/messages/{Esc(msgId)}/revoke?from={Esc(from)}", null, ct);

    public Task<FriendRequestInfo> SendFriendRequestAsync(FriendRequestRequest request, CancellationToken ct = default) =>
        SendAsync<FriendRequestInfo>(HttpMethod.Post, "control/friend-requests", request, ct);

    public Task<IReadOnlyList<FriendRequestInfo>> ListFriendRequestsAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<FriendRequestInfo>>(HttpMethod.Get, "control/friend-requests", null, ct);

    public Task<IReadOnlyList<SentMessageInfo>> GetSentAsync(string wxid, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<SentMessageInfo>>(HttpMethod.Get, $"control/accounts/{Esc(wxid)}/sent", null, ct);

    /// <summary>The media a sent message carried (404 for a message without media).</summary>
    public Task<MessageMediaInfo> GetMessageMediaAsync(string msgId, CancellationToken ct = default) =>
        SendAsync<MessageMediaInfo>(HttpMethod.Get, $"control/messages/{Esc(msgId)}/media", null, ct);

    public Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<SessionInfo>>(HttpMethod.Get, "control/sessions", null, ct);

    public Task<SessionInfo> GetSessionAsync(string wxid, CancellationToken ct = default) =>
        SendAsync<SessionInfo>(HttpMethod.Get, $"control/accounts/{Esc(wxid)}/session", null, ct);

    public Task<SessionInfo> GetLatestSessionAsync(string wxid, CancellationToken ct = default) =>
        SendAsync<SessionInfo>(HttpMethod.Get, $"control/accounts/{Esc(wxid)}/latest-session", null, ct);

    public Task<UserNameInfo> ResolveUserNameAsync(string wxid, string id, CancellationToken ct = default) =>
        SendAsync<UserNameInfo>(HttpMethod.Get, $"control/accounts/{Esc(wxid)}/usernames/{Esc(id)}", null, ct);

    public Task InvalidateSessionAsync(string wxid, int retCode, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"control/accounts/{Esc(wxid)}/invalidate", new InvalidateRequest(retCode), ct);

    public Task RateLimitAsync(string wxid, RateLimitRequest request, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"control/accounts/{Esc(wxid)}/ratelimit", request, ct);

    public Task SetFaultAsync(FaultRequest fault, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, "control/faults", fault, ct);

    public Task ClearFaultAsync(CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, "control/faults", null, ct);

    /// <summary>Requests a <c>hold</c> fault holds now.</summary>
    public async Task<int> GetHeldAsync(CancellationToken ct = default) =>
        (await SendAsync<HeldInfo>(HttpMethod.Get, "control/faults/held", null, ct)).Held;

    public Task ReleaseHeldAsync(CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "control/faults/release", null, ct);

    public Task<SettingsInfo> GetSettingsAsync(CancellationToken ct = default) =>
        SendAsync<SettingsInfo>(HttpMethod.Get, "control/settings", null, ct);

    public Task<SettingsInfo> UpdateSettingsAsync(SettingsPatch patch, CancellationToken ct = default) =>
        SendAsync<SettingsInfo>(HttpMethod.Put, "control/settings", patch, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await RawAsync(method, path, body, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await RawAsync(method, path, body, ct);
    }

    private async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            string error;
            try
            {
                error = JsonSerializer.Deserialize<ControlError>(text, Json)?.Error ?? text;
            }
            catch (JsonException)
            {
                error = text;
            }

            throw new EmulatorControlException((int)response.StatusCode, error);
        }
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
