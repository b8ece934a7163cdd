using OpenWxCluster.Grains.Account;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>Received text past the cap is cut, never inside a surrogate pair, and says how long it was.</summary>
public sealed class TextCapTests
{
    [Fact]
    public void Text_up_to_the_cap_is_kept_as_is()
    {
        Assert.Equal("abcd", MessageMapper.Cap("abcd", 4));
    }

    [Fact]
    public void Longer_text_is_cut_at_the_cap_and_marked_with_its_length()
    {
        Assert.Equal("abc…[truncated: 5 characters in all]", MessageMapper.Cap("abcde", 3));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = "ab😀cd"; // the emoji is two UTF-16 characters at index 2 and 3
        Assert.Equal("ab…[truncated: 6 characters in all]", MessageMapper.Cap(text, 3));
        Assert.Equal("ab😀…[truncated: 6 characters in all]", MessageMapper.Cap(text, 4));
    }
}
