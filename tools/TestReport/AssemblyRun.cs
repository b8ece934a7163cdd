namespace OpenWxCluster.TestReport;

/// <summary>
/// What scripts/test.sh knows about one expected test assembly after running it: the exit code of its
/// <c>dotnet test</c> (null when none was recorded) and where its TRX file should be (it may be missing).
/// </summary>
public sealed record AssemblyRun(string Name, int? ExitCode, string? TrxPath);
