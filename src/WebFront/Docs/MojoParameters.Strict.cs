using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>Strict mode (<c>App:Api:StrictDocs</c>): a handler may only read the parameters its route declared.</summary>
public sealed partial class MojoParameters
{
    private MojoAccepts? _declared;
    private string? _route;

    private void BeStrictIfAsked(HttpContext context)
    {
        // A bare context (unit tests of the binding) has no services: not strict.
        if (context.RequestServices?.GetService<IOptions<OpenWxApiOptions>>()?.Value.StrictDocs != true
            || context.GetEndpoint() is not { } endpoint)
        {
            return;
        }
        _route = endpoint.DisplayName ?? context.Request.Path;
        // A route without the metadata declares nothing: every non-reserved read is refused.
        _declared = endpoint.Metadata.GetMetadata<MojoAccepts>() ?? new MojoAccepts([], OpenEnded: false);
    }

    /// <summary>Always true; throws in strict mode when the name was not declared.</summary>
    private bool Checked(string name)
    {
        if (_declared is not null && !Reserved.Contains(name) && !_declared.Declares(name))
        {
            throw new InvalidOperationException(
                $"StrictDocs: route {_route} read the parameter '{name}', which its MojoAccepts metadata does not declare");
        }
        return true;
    }

    private bool CheckedAll()
    {
        if (_declared is { OpenEnded: false })
        {
            throw new InvalidOperationException(
                $"StrictDocs: route {_route} enumerates all parameters, but its MojoAccepts metadata is not open-ended");
        }
        return true;
    }
}
