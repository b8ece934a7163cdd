namespace OpenWxCluster.Emulator.Control;

/// <summary>A control operation that cannot be done; StatusCode is the HTTP status the control API answers.</summary>
public sealed class EmulatorControlException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static EmulatorControlException NotFound(string what) => new(404, $"{what} not found");

    public static EmulatorControlException BadRequest(string message) => new(400, message);
}
