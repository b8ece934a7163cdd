namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>synccheck/webwxsync helpers for the driver-against-emulator tests.</summary>
internal static class DriverSync
{
    /// <summary>Syncs until ContinueFlag is 0 and returns everything that came.</summary>
    public static async Task<(List<WxRawMessage> Messages, List<WxContact> Modified, List<string> Deleted)> DrainAsync(
        IWxProtocolDriver driver, WxSession session)
    {
        var (messages, modified, deleted) = (new List<WxRawMessage>(), new List<WxContact>(), new List<string>());
        for (var i = 0; i < 20; i++)
        {
            var sync = await driver.SyncAsync(session);
            messages.AddRange(sync.AddMsgList);
            modified.AddRange(sync.ModContactList);
            deleted.AddRange(sync.DelContactList);
            if (sync.ContinueFlag == 0)
            {
                break;
            }
        }

        return (messages, modified, deleted);
    }

    /// <summary>synccheck (must report news) then a drain: what the peer receives next.</summary>
    public static async Task<(List<WxRawMessage> Messages, List<WxContact> Modified, List<string> Deleted)> NextAsync(
        IWxProtocolDriver driver, WxSession session)
    {
        var check = await driver.SyncCheckAsync(session).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, check.RetCode);
        Assert.True(check.HasNews, $"selector {check.Selector}");
        return await DrainAsync(driver, session);
    }

    /// <summary>Logs in and drains the login's own events so the next synccheck only sees new ones.</summary>
    public static async Task<WxSession> ReadyAsync(EmulatorHarness emu, string wxid)
    {
        var session = await emu.LoginAsync(wxid);
        await DrainAsync(emu.Driver, session);
        return session;
    }
}
