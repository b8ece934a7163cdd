using System.Text.Json;

namespace OpenWxCluster.Grains.Account;

/// <summary>Builds the JSON fragments of event params (objects use Mojo's field names).</summary>
public static class EventJson
{
    public static string String(string value) => JsonSerializer.Serialize(value);

    public static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Value(object value) => value switch
    {
        string s => String(s),
        int i => Number(i),
        long l => Number(l),
        _ => JsonSerializer.Serialize(value),
    };

    public static string Contact(ContactInfo c) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["id"] = c.Id,
        ["uid"] = c.Uid,
        ["name"] = c.Name,
        ["account"] = c.Account,
        ["province"] = c.Province,
        ["city"] = c.City,
        ["signature"] = c.Signature,
        ["sex"] = c.Sex,
        ["display"] = c.Display,
        ["markname"] = c.Markname,
        ["category"] = c.Category,
        ["displayname"] = c.DisplayName,
    });

    public static string Group(GroupInfo g) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = g.Id,
        ["uid"] = g.Uid,
        ["name"] = g.Name,
        ["owner_uid"] = g.OwnerUid,
        ["displayname"] = g.DisplayName,
        ["member"] = g.Members.Select(m => JsonDocument.Parse(Contact(m)).RootElement).ToList(),
    });
}
