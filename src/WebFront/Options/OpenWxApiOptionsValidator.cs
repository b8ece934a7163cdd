using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>Rejects settings that would break the long poll or the single-account fallback at startup.</summary>
internal sealed class OpenWxApiOptionsValidator : IValidateOptions<OpenWxApiOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenWxApiOptions options)
    {
        var failures = new List<string>();
        if (options.CheckEventHold <= TimeSpan.Zero || options.CheckEventHold > OpenWxApiOptions.MaxCheckEventHold)
        {
            failures.Add($"{nameof(options.CheckEventHold)} must be in (0, {OpenWxApiOptions.MaxCheckEventHold}].");
        }
        if (options.InboxPollWait <= TimeSpan.Zero || options.InboxPollWait > OpenWxApiOptions.MaxInboxPollWait)
        {
            failures.Add($"{nameof(options.InboxPollWait)} must be in (0, {OpenWxApiOptions.MaxInboxPollWait}].");
        }
        if (options.CursorBatchSize < 1 || options.CursorBatchSize > OpenWxApiOptions.MaxCursorBatchSize)
        {
            failures.Add($"{nameof(options.CursorBatchSize)} must be in [1, {OpenWxApiOptions.MaxCursorBatchSize}].");
        }
        if (!ClientNames.IsValid(options.DefaultClient))
        {
            failures.Add($"{nameof(options.DefaultClient)} is not a valid client name.");
        }
        if (options.MaxBodyBytes < 1024 || options.MaxMediaBodyBytes < options.MaxBodyBytes)
        {
            failures.Add($"{nameof(options.MaxBodyBytes)} must be at least 1024 and at most {nameof(options.MaxMediaBodyBytes)}.");
        }
        if (options.MaxQueryLength < 256)
        {
            failures.Add($"{nameof(options.MaxQueryLength)} must be at least 256.");
        }
        var rate = options.RateLimit;
        if (rate.Permits < 0 || (rate.Permits > 0 && (rate.Burst < 1 || rate.Period < TimeSpan.FromMilliseconds(1))))
        {
            failures.Add("RateLimit:Permits must be 0 (off) or positive, with a positive Burst and Period.");
        }
        var login = options.AdminLogin;
        if (login.Failures < 0 || (login.Failures > 0 && login.Window < TimeSpan.FromSeconds(1)))
        {
            failures.Add("AdminLogin:Failures must be 0 (off) or positive, with a Window of a second or more.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
