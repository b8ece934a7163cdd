using System.Globalization;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>
/// Compares effect lists exactly: same count, order, effect types, states, event names and parameter values
/// including their runtime types (so <c>login(1)</c> is not <c>login("1")</c> nor <c>login(1L)</c>).
/// </summary>
internal static class EffectAssert
{
    public static void Sequence(IReadOnlyList<LoginEffect> actual, params LoginEffect[] expected) =>
        Assert.Equal(expected.Select(Describe).ToArray(), actual.Select(Describe).ToArray());

    public static void None(IReadOnlyList<LoginEffect> actual) => Sequence(actual);

    public static string Describe(LoginEffect effect) => effect switch
    {
        LoginEffect.StateChanged s => $"StateChanged({s.From}->{s.To})",
        LoginEffect.Emit e => $"Emit({e.Event}, [{string.Join(", ", e.Params.Select(DescribeParam))}])",
        LoginEffect.LogoutUpstream => "LogoutUpstream",
        LoginEffect.ClearSession => "ClearSession",
        _ => $"Unknown:{effect.GetType().FullName}",
    };

    private static string DescribeParam(object? value) => value is null
        ? "null"
        : $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}";
}
