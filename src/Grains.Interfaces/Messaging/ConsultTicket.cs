namespace OpenWxCluster.Contracts;

/// <summary>
/// consult's first half: the send's receipt and, when the send succeeded, the waiter to ask for the friend's reply
/// (<see cref="IWxAccountGrain.AwaitConsultReplyAsync"/>). The waiter is registered before the send, so a reply that
/// comes back at once is not missed.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.ConsultTicket")]
public sealed record ConsultTicket([property: Id(0)] SendReceipt Receipt, [property: Id(1)] long? WaiterId);
