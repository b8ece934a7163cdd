namespace OpenWxCluster.Contracts;

/// <summary>
/// One parameter of an account event (<c>login(1)</c>, <c>state_change("scaning","running")</c>,
/// <c>new_friend(friend)</c>...). Exactly one member is set. Typed, so every consumer renders it its own way:
/// the web front as Mojo JSON, other Orleans clients as they like.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.EventParam")]
public sealed record EventParam
{
    [Id(0)] public string? Text { get; init; }
    [Id(1)] public long? Number { get; init; }
    [Id(2)] public ContactInfo? Contact { get; init; }
    [Id(3)] public GroupInfo? Group { get; init; }
    /// <summary>The contact is a group member (Mojo renders members without <c>category</c>).</summary>
    [Id(4)] public bool IsMember { get; init; }

    public static EventParam Of(string text) => new() { Text = text };

    public static EventParam Of(long number) => new() { Number = number };

    public static EventParam Of(ContactInfo contact) => new() { Contact = contact };

    public static EventParam OfMember(ContactInfo member) => new() { Contact = member, IsMember = true };

    public static EventParam Of(GroupInfo group) => new() { Group = group };

    /// <summary>Numbers and strings as the login state machine produces them.</summary>
    public static EventParam From(object value) => value switch
    {
        string s => Of(s),
        int i => Of(i),
        long l => Of(l),
        ContactInfo c => Of(c),
        GroupInfo g => Of(g),
        _ => Of(value.ToString() ?? ""),
    };
}
