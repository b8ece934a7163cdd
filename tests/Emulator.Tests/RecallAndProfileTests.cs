using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>The control operations contact-event tests drive: a recall from a phone, a user's own profile change, a member's new nickname.</summary>
public sealed class RecallAndProfileTests
{
    [Fact]
    public async Task A_text_recalled_from_the_senders_phone_reaches_the_peer_as_a_10002_naming_it()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();

        var sent = await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "oops");
        await emu.Control.RevokeFromPhoneAsync("wxid_bob", sent.MsgId);

        var messages = await alice.DrainMessagesAsync();
        Assert.Equal([1, 10002], messages.Select(m => m.GetProperty("MsgType").GetInt32()));
        Assert.Equal(sent.MsgId, messages[0].GetProperty("MsgId").GetString());
        Assert.Contains($"&lt;msgid&gt;{sent.MsgId}&lt;/msgid&gt;", messages[1].GetProperty("Content").GetString());
        var missing = await Assert.ThrowsAsync<EmulatorControlException>(() => emu.Control.RevokeFromPhoneAsync("wxid_carol", sent.MsgId));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task A_users_profile_change_reaches_their_own_session_as_a_mod_contact_of_themselves()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();

        await emu.Control.UpdateUserAsync("wxid_alice", new UpdateUserRequest { NickName = "Alicia" });

        var sync = await alice.SyncAsync();
        var modified = sync.GetProperty("ModContactList").EnumerateArray().ToList();
        var self = Assert.Single(modified, c => c.GetProperty("UserName").GetString() == alice.UserName);
        Assert.Equal("Alicia", self.GetProperty("NickName").GetString());
        // Her group shows her by nickname, so it comes again with the new one.
        var team = Assert.Single(modified, c => c.GetProperty("UserName").GetString()!.StartsWith("@@", StringComparison.Ordinal));
        Assert.Contains(team.GetProperty("MemberList").EnumerateArray(), m => m.GetProperty("NickName").GetString() == "Alicia");
    }
}
