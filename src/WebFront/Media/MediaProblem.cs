namespace OpenWxCluster.WebFront;

/// <summary>Why a request's media cannot be sent: Mojo's status text and the honest HTTP status.</summary>
internal sealed record MediaProblem(string Status, int HttpStatus)
{
    public static MediaProblem Invalid(string status) => new(status, StatusCodes.Status400BadRequest);

    public static MediaProblem TooLarge() => new(MediaLimits.TooLarge, StatusCodes.Status413PayloadTooLarge);
}
