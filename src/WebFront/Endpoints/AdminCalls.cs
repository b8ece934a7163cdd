using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>The shared shape of the administration routes: account gate, one grain call, Mojo's {code,status}.</summary>
internal static class AdminCalls
{
    /// <summary>At most this many ids in one friends=/members= list (WeChat's group size limit).</summary>
    public const int MaxIds = 500;

    public static async Task<IResult> CallAsync(
        MojoParameters parameters, IGrainFactory grains, IOptions<OpenWxApiOptions> options, Func<IWxAccountGrain, Task<AdminResult>> call)
    {
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var result = await call(grains.ForKey<IWxAccountGrain>(check.Key));
        return MojoReply.Error(result.Code, result.Status);
    }

    /// <summary>A comma-separated id list (Mojo's friends=/members=): trimmed, empty items and repeats dropped.</summary>
    public static IReadOnlyList<string> Ids(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();

    public static MojoReply Invalid(string status) => MojoReply.Error(AdminCodes.Invalid, status);

    public static MojoReply NotFound() => MojoReply.Error(AdminCodes.ObjectNotFound, "object not found");

    public static MojoReply TooMany(string what) =>
        MojoReply.Error(AdminCodes.Invalid, $"too many {what}: at most {MaxIds}", StatusCodes.Status400BadRequest);
}
