namespace OpenWxCluster.WebFront;

/// <summary>A request parameter a Mojo route reads (query, form or JSON body alike).</summary>
public sealed record MojoParam(string Name, string Description, bool Required)
{
    public static MojoParam Req(string name, string description) => new(name, description, true);

    public static MojoParam Opt(string name, string description) => new(name, description, false);
}
