using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Conformance.Tests;

/// <summary>
/// <c>node tests/wechat4u/harness.js</c> as a child process in handshake mode: each step it prints is read with
/// <see cref="NextAsync"/>, checked against the live emulator, then released with <see cref="ContinueAsync"/>.
/// Disposal kills the process tree if it is still running.
/// </summary>
internal sealed class NodeHarness : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();

    private NodeHarness(Process process) => _process = process;

    /// <summary>Installs node_modules with <c>npm ci</c> when wechat4u 0.7.14 is not installed there yet.</summary>
    public static async Task EnsureInstalledAsync()
    {
        var directory = ToolLocator.HarnessDirectory;
        var installed = Path.Combine(directory, "node_modules", "wechat4u", "package.json");
        if (File.Exists(installed) &&
            JsonDocument.Parse(await File.ReadAllTextAsync(installed)).RootElement.GetProperty("version").GetString() == "0.7.14")
        {
            return;
        }

        var npm = ToolLocator.Require("npm");
        var (exit, output) = await ProcessRunner.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5), directory);
        if (exit != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed with exit code {exit}:\n{output}");
        }
    }

    public static NodeHarness Start(Uri baseUri, object contract)
    {
        var info = new ProcessStartInfo(ToolLocator.Require("node"))
        {
            WorkingDirectory = ToolLocator.HarnessDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("harness.js");
        info.ArgumentList.Add("--base-url");
        info.ArgumentList.Add(baseUri.ToString());
        info.ArgumentList.Add("--contract");
        info.ArgumentList.Add(JsonSerializer.Serialize(contract));

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        var harness = new NodeHarness(process);
        process.OutputDataReceived += (_, e) => harness.OnLine(e.Data, toSteps: true);
        process.ErrorDataReceived += (_, e) => harness.OnLine(e.Data, toSteps: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return harness;
    }

    /// <summary>Everything the harness printed so far (steps, library noise, stderr), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The next step line; fails when it is not <paramref name="expected"/>, reports ok=false, or never comes.</summary>
    public async Task<HarnessStep> NextAsync(string expected, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        string line;
        try
        {
            line = await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException($"no '{expected}' step from the harness within {timeout}{ExitNote()}\n{Log}");
        }

        var data = JsonDocument.Parse(line).RootElement.Clone();
        var step = new HarnessStep(data.GetProperty("step").GetString() ?? "", data, line);
        var ok = data.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
        if (step.Name != expected || !ok)
        {
            throw new Xunit.Sdk.XunitException($"expected step '{expected}' with ok=true, got: {line}\n--- harness output ---\n{Log}");
        }

        return step;
    }

    /// <summary>Lets the harness go on to its next step.</summary>
    public async Task ContinueAsync()
    {
        await _process.StandardInput.WriteLineAsync();
        await _process.StandardInput.FlushAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private string ExitNote() => _process.HasExited ? $" (node exited with {_process.ExitCode})" : "";

    private void OnLine(string? line, bool toSteps)
    {
        if (line is null)
        {
            if (toSteps)
            {
                _lines.Writer.TryComplete();
            }

            return;
        }

        lock (_gate)
        {
            _log.Append(toSteps ? "out: " : "err: ").AppendLine(line);
        }

        // wechat4u logs uncaught exceptions to stdout: only {"step":...} lines are steps.
        if (toSteps && line.StartsWith("{\"step\":", StringComparison.Ordinal))
        {
            _lines.Writer.TryWrite(line);
        }
    }
}
