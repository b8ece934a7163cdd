using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Turns a route's <see cref="MojoAccepts"/> and <see cref="MojoAnswers"/> into OpenAPI: every Mojo route binds one
/// <see cref="MojoParameters"/> and answers a JSON tree, so the generator alone sees neither.
/// </summary>
internal sealed class MojoOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] FormTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document ?? throw new InvalidOperationException("an operation transformer without its document");
        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        // MapMethods gives GET, POST and HEAD the endpoint's one name; operation ids must differ.
        operation.OperationId = name is null ? null : HttpMethods.IsGet(method) ? name : name + "." + method.ToLowerInvariant();
        // The Mojo routes are named api.route; the console's are not.
        var mojo = name is not null && ApiDocs.Apis.Contains(name.Split('.')[0]);
        if (metadata.OfType<MojoAccepts>().LastOrDefault() is { } accepts)
        {
            Describe(operation, accepts, HttpMethods.IsPost(method), mojo);
        }
        if (metadata.OfType<MojoAnswers>().LastOrDefault() is { } answers)
        {
            operation.Responses ??= [];
            if (answers.Redirect)
            {
                operation.Responses.Remove("200");
                operation.Responses["302"] = new OpenApiResponse { Description = "back to the console's list, the outcome in ?notice=" };
            }
            else
            {
                operation.Responses["200"] = Response(answers, document);
            }
        }
        operation.Security = mojo ? ApiDocs.TokenSecurity(document) : ApiDocs.AdminSecurity(document);
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, MojoAccepts accepts, bool post, bool mojo)
    {
        var parameters = !mojo || accepts.Parameters.Any(p => p.Name == "client")
            ? accepts.Parameters
            : [MojoParam.Opt("client", "the account (client name); App:Api:DefaultClient when left out"), .. accepts.Parameters];
        if (!post)
        {
            operation.Parameters = [.. parameters.Select(p => (IOpenApiParameter)new OpenApiParameter
            {
                Name = p.Name,
                In = ParameterLocation.Query,
                Required = p.Required,
                Description = p.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            })];
            if (accepts.OpenEnded)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "options",
                    In = ParameterLocation.Query,
                    Description = "further parameters of any name",
                    Style = ParameterStyle.Form,
                    Explode = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
                });
            }
            return;
        }
        // Mojo's param() reads the query too; a POST documents its parameters as the body.
        var body = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = parameters.ToDictionary(p => p.Name, p => (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String, Description = p.Description }, StringComparer.Ordinal),
            Required = parameters.Where(p => p.Required).Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
            AdditionalPropertiesAllowed = accepts.OpenEnded,
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = parameters.Any(p => p.Required),
            // The console's forms are urlencoded only.
            Content = (mojo ? FormTypes : FormTypes[..1]).ToDictionary(t => t, _ => new OpenApiMediaType { Schema = body }),
        };
    }

    private static OpenApiResponse Response(MojoAnswers answers, OpenApiDocument document)
    {
        var response = new OpenApiResponse
        {
            Description = answers.FileType is null
                ? "the answer, or Mojo's error object (code ≠ 0, HTTP 200 unless the request itself is refused)"
                : "the file, or Mojo's error object as JSON",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal),
        };
        if (answers.FileType is { } file)
        {
            response.Content[file] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            response.Content["application/json"] = new OpenApiMediaType { Schema = OpenApiShapes.Schema(MojoShapes.Error, document) };
        }
        else
        {
            response.Content["application/json"] = new OpenApiMediaType { Schema = OpenApiShapes.Answer(answers, document) };
        }
        return response;
    }
}
