
namespace OpenWxCluster.WebFront;

/// <summary>The account a request addresses, or the Mojo error reply that ends the request.</summary>
public sealed record AccountCheck(string Client, string Key, AccountStatus? Status, IResult? Error)
{
    public bool IsOk => Error is null && Status is not null;

    public static AccountCheck Fail(string client, IResult error) => new(client, "", null, error);
}
