using OpenWxCluster.Grains.Qq;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>The discuss groups a QQ account learns from messages: bounded, least recently active out first, kept across a state copy.</summary>
public sealed class QqDiscussBookTests
{
    private static ContactInfo Speaker(string id, string name = "") => new() { Id = id, Uid = id, Name = name };

    [Fact]
    public void A_new_discuss_is_named_by_its_id_and_a_speaker_is_kept_once_with_the_latest_name()
    {
        var book = new List<GroupInfo>();
        QqDiscussBook.Heard(book, "7", Speaker("1", "Ann"), 10, 10);
        QqDiscussBook.Heard(book, "7", Speaker("2", "Bo"), 10, 10);
        var kept = QqDiscussBook.Heard(book, "7", Speaker("1", "Annie"), 10, 10);

        Assert.Equal(("7", "7", "7"), (kept.Id, kept.Uid, kept.Name));
        Assert.Equal(["2:Bo", "1:Annie"], kept.Members.Select(m => $"{m.Id}:{m.Name}"));
        Assert.Same(kept, Assert.Single(book));
    }

    [Fact]
    public void Past_the_caps_the_least_recently_active_discuss_and_member_go_first()
    {
        var book = new List<GroupInfo>();
        QqDiscussBook.Heard(book, "a", Speaker("1"), 2, 2);
        QqDiscussBook.Heard(book, "b", Speaker("1"), 2, 2);
        QqDiscussBook.Heard(book, "a", Speaker("2"), 2, 2); // a is active again
        QqDiscussBook.Heard(book, "c", Speaker("1"), 2, 2); // b, the least recently active, goes
        QqDiscussBook.Heard(book, "a", Speaker("3"), 2, 2); // member 1 of a, the least recently heard, goes

        Assert.Equal(["c", "a"], book.Select(d => d.Id));
        Assert.Equal(["2", "3"], book[1].Members.Select(m => m.Id));
        Assert.Null(QqDiscussBook.Find(book, new GroupLookup(Id: "b")));
        Assert.Equal("a", QqDiscussBook.Find(book, new GroupLookup(Name: "a"))?.Id);
        Assert.Null(QqDiscussBook.Find(book, new GroupLookup()));
    }

    [Fact]
    public void Learned_discusses_survive_the_state_serialization()
    {
        var state = new QqAccountState();
        QqDiscussBook.Heard(state.Discusses, "40001", Speaker("20001", "Alice"), 10, 10);

        var copy = OrleansRoundTrip.Copy(state);

        var discuss = Assert.Single(copy.Discusses);
        Assert.Equal(("40001", "20001:Alice"), (discuss.Id, string.Join(",", discuss.Members.Select(m => $"{m.Id}:{m.Name}"))));
    }
}
