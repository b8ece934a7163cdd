namespace OpenWxCluster.Protocol;

/// <summary>The upstream answered with <c>BaseResponse.Ret ≠ 0</c> (or an equivalent error code).</summary>
public class WxRetException(string operation, int ret, string errMsg)
    : WxProtocolException($"{operation}: Ret {ret} {errMsg}".TrimEnd())
{
    public string Operation { get; } = operation;
    public int Ret { get; } = ret;
    public string ErrMsg { get; } = errMsg;
}
