namespace OpenWxCluster.WebFront;

/// <summary>Perl truthiness as Mojo's <c>$value || ""</c> applies it when it builds message hashes.</summary>
public static class MojoValues
{
    /// <summary>Perl's false scalars: undef, "" and "0".</summary>
    public static bool IsFalsy(string? value) => string.IsNullOrEmpty(value) || value == "0";

    /// <summary><c>value || ""</c>.</summary>
    public static string OrEmpty(string? value) => IsFalsy(value) ? "" : value!;
}
