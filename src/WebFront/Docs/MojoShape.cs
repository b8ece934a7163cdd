namespace OpenWxCluster.WebFront;

/// <summary>The JSON kinds a Mojo answer is built of; <see cref="Any"/> accepts every value.</summary>
public enum MojoKind
{
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
    OneOf,
}

/// <summary>A declared property of an object shape.</summary>
public sealed record MojoField(string Name, MojoShape Shape, bool Required);

/// <summary>
/// The shape of a JSON answer, small enough to be both rendered as an OpenAPI (JSON Schema) schema and checked
/// against the real reply in strict mode (<see cref="MojoShapeCheck"/>). Objects stay open: Mojo clients ignore
/// unknown keys, and Mojo itself adds attributes freely, so only the declared ones are checked.
/// </summary>
public sealed record MojoShape(MojoKind Kind)
{
    /// <summary>A named shape becomes a reusable component schema.</summary>
    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool Nullable { get; init; }

    public IReadOnlyList<MojoField> Fields { get; init; } = [];

    /// <summary>Array items, or null.</summary>
    public MojoShape? Items { get; init; }

    /// <summary>The alternatives of a <see cref="MojoKind.OneOf"/>.</summary>
    public IReadOnlyList<MojoShape> Choices { get; init; } = [];

    public static readonly MojoShape Any = new(MojoKind.Any);
    public static readonly MojoShape Text = new(MojoKind.String);
    public static readonly MojoShape Int = new(MojoKind.Integer);
    public static readonly MojoShape Num = new(MojoKind.Number);
    public static readonly MojoShape Bool = new(MojoKind.Boolean);

    public MojoShape OrNull() => this with { Nullable = true };

    public MojoShape Described(string description) => this with { Description = description };

    public static MojoShape Object(string? name, params MojoField[] fields) => new(MojoKind.Object) { Name = name, Fields = fields };

    public static MojoShape ArrayOf(MojoShape items, string? name = null) => new(MojoKind.Array) { Items = items, Name = name };

    public static MojoShape OneOf(params MojoShape[] choices) => new(MojoKind.OneOf) { Choices = choices };

    /// <summary>A property that is always there.</summary>
    public static MojoField Req(string name, MojoShape shape) => new(name, shape, true);

    /// <summary>A property that may be left out.</summary>
    public static MojoField Opt(string name, MojoShape shape) => new(name, shape, false);
}
