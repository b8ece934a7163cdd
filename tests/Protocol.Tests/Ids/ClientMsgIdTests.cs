using System.Collections.Concurrent;

namespace OpenWxCluster.Protocol.Tests.Ids;

public sealed class ClientMsgIdTests
{
    [Fact]
    public void Ids_taken_at_once_by_many_callers_never_repeat_and_keep_the_web_clients_shape()
    {
        var ids = new ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                ids.Add(WxIds.NewClientMsgId());
            }
        });

        Assert.Equal(200_000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9]{17}$", id));
        var stamp = long.Parse(ids.First()[..13], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(stamp), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }
}
