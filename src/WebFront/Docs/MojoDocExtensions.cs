namespace OpenWxCluster.WebFront;

/// <summary>Declares a Mojo route's parameters and answer where it is mapped.</summary>
public static class MojoDocExtensions
{
    public static TBuilder Accepts<TBuilder>(this TBuilder builder, params MojoParam[] parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MojoAccepts(parameters, OpenEnded: false));

    /// <summary>The declared parameters, and further ones of any name.</summary>
    public static TBuilder AcceptsMore<TBuilder>(this TBuilder builder, params MojoParam[] parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MojoAccepts(parameters, OpenEnded: true));

    public static TBuilder Answers<TBuilder>(this TBuilder builder, MojoShape shape)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MojoAnswers(shape));

    /// <summary>A send route: the shape, or <c>{"id":null,"code":..,"status":..}</c> on failure.</summary>
    public static TBuilder AnswersSend<TBuilder>(this TBuilder builder, MojoShape shape)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MojoAnswers(shape, SendError: true));

    /// <summary>A file of <paramref name="mediaType"/> on success, Mojo's error object otherwise.</summary>
    public static TBuilder AnswersFile<TBuilder>(this TBuilder builder, string mediaType)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MojoAnswers(MojoShape.Any, FileType: mediaType));

    /// <summary>A console form action: a redirect back to the list page with the outcome.</summary>
    public static TBuilder AnswersRedirect<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MojoAnswers(MojoShape.Any, Redirect: true));
}
