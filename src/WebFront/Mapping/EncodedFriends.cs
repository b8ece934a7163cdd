using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Each friend's JSON, encoded once per contact object. Contacts are immutable and an in-silo grain call hands back
/// the friends grain's own objects, so get_friend_info copies cached bytes instead of escaping and transcoding twelve
/// strings per friend on every request (that was over half of the route's CPU). A changed friend is a new object and
/// is encoded anew; an entry goes with its contact (a weak table), so the cache never outlives the friends grain's state.
/// </summary>
public static class EncodedFriends
{
    private static readonly ConditionalWeakTable<ContactInfo, byte[]> Cache = new();
    private static readonly ConditionalWeakTable<ContactInfo, byte[]>.CreateValueCallback EncodeCallback = Encode;
    private static readonly ConditionalWeakTable<ContactSnapshot<ContactInfo>, byte[]> Lists = new();
    private static readonly ConditionalWeakTable<ContactSnapshot<ContactInfo>, byte[]>.CreateValueCallback EncodeListCallback = EncodeList;
    private static readonly ConditionalWeakTable<ContactSnapshot<ContactInfo>, object> Seen = new();
    private static readonly object Marker = new();

    public static byte[] Of(ContactInfo friend) => Cache.GetValue(friend, EncodeCallback);

    /// <summary>
    /// A whole friend list as one JSON array, encoded once per snapshot: the friends grain hands every in-silo
    /// reader the same snapshot until its book changes, so get_friend_info copies one block instead of 200.
    /// </summary>
    public static byte[] ListOf(ContactSnapshot<ContactInfo> friends) => Lists.GetValue(friends, EncodeListCallback);

    /// <summary>
    /// Whether this very snapshot was asked for before. Only then is a whole-list encoding worth keeping: a snapshot
    /// that crossed silos (a standalone web front, an account on another silo) is a new object on every call, and
    /// encoding it whole would only add a copy of the reply per request.
    /// </summary>
    public static bool SeenBefore(ContactSnapshot<ContactInfo> friends) =>
        Seen.TryGetValue(friends, out _) || !Seen.TryAdd(friends, Marker);

    private static byte[] Encode(ContactInfo friend)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, MojoJson.WriterOptions))
        {
            ContactJson.WriteContact(json, friend, withCategory: true);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] EncodeList(ContactSnapshot<ContactInfo> friends)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * (friends.Count + 1));
        using (var json = new Utf8JsonWriter(buffer, MojoJson.WriterOptions))
        {
            json.WriteStartArray();
            foreach (var friend in friends)
            {
                json.WriteRawValue(Of(friend), skipInputValidation: true);
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
