namespace OpenWxCluster.WebFront;

/// <summary>
/// Endpoint metadata: the parameters a Mojo route reads. It feeds the OpenAPI document and, in strict mode
/// (<c>App:Api:StrictDocs</c>), <see cref="MojoParameters"/> refuses to read any other name.
/// </summary>
/// <param name="OpenEnded">The route takes further parameters of any name (start options, search keys).</param>
public sealed record MojoAccepts(IReadOnlyList<MojoParam> Parameters, bool OpenEnded)
{
    public bool Declares(string name) => OpenEnded || Parameters.Any(p => p.Name == name);
}
