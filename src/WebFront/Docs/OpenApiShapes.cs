using Microsoft.OpenApi;

namespace OpenWxCluster.WebFront;

/// <summary>Renders <see cref="MojoShape"/>s as OpenAPI 3.1 schemas; named shapes become component schemas.</summary>
internal static class OpenApiShapes
{
    public static IOpenApiSchema Schema(MojoShape shape, OpenApiDocument document)
    {
        if (shape.Name is not { } name)
        {
            return Inline(shape, document);
        }
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(name))
        {
            // Reserve the name first: a shape may (indirectly) contain itself.
            document.Components.Schemas[name] = new OpenApiSchema();
            document.Components.Schemas[name] = Inline(shape, document);
        }
        IOpenApiSchema reference = new OpenApiSchemaReference(name, document);
        return shape.Nullable ? new OpenApiSchema { OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }] } : reference;
    }

    /// <summary>The route's answer: its shape, or Mojo's error object.</summary>
    public static IOpenApiSchema Answer(MojoAnswers answers, OpenApiDocument document) => new OpenApiSchema
    {
        AnyOf = [Schema(answers.Shape, document), Schema(answers.SendError ? MojoShapes.SendError : MojoShapes.Error, document)],
    };

    private static OpenApiSchema Inline(MojoShape shape, OpenApiDocument document)
    {
        var schema = new OpenApiSchema { Description = shape.Description };
        switch (shape.Kind)
        {
            case MojoKind.Any:
                return schema;
            case MojoKind.OneOf:
                schema.OneOf = [.. shape.Choices.Select(c => Schema(c, document))];
                if (shape.Nullable)
                {
                    schema.OneOf.Add(new OpenApiSchema { Type = JsonSchemaType.Null });
                }
                return schema;
            case MojoKind.Object:
                schema.Properties = shape.Fields.ToDictionary(f => f.Name, f => Schema(f.Shape, document), StringComparer.Ordinal);
                schema.Required = shape.Fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
                break;
            case MojoKind.Array:
                schema.Items = shape.Items is null ? new OpenApiSchema() : Schema(shape.Items, document);
                break;
        }
        var type = shape.Kind switch
        {
            MojoKind.String => JsonSchemaType.String,
            MojoKind.Integer => JsonSchemaType.Integer,
            MojoKind.Number => JsonSchemaType.Number,
            MojoKind.Boolean => JsonSchemaType.Boolean,
            MojoKind.Array => JsonSchemaType.Array,
            _ => JsonSchemaType.Object,
        };
        schema.Type = shape.Nullable ? type | JsonSchemaType.Null : type;
        return schema;
    }
}
