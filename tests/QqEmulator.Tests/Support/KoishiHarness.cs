using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests.Support;

/// <summary>
/// <c>node tests/koishi/harness.js</c>: koishi with koishi-plugin-adapter-onebot 6.5.4 in HTTP mode, a real
/// third-party OneBot consumer. Its JSON step lines are read with <see cref="StepAsync"/>; disposal kills it.
/// </summary>
internal sealed class KoishiHarness : IAsyncDisposable
{
    /// <summary>node_modules folder → the version package-lock.json pins (6.9.4 under the alias onebot-694).</summary>
    private static readonly (string Folder, string Version)[] Pinned = [("koishi-plugin-adapter-onebot", "6.5.4"), ("onebot-694", "6.9.4")];
    private readonly Process _process;
    private readonly Channel<JsonElement> _steps = Channel.CreateUnbounded<JsonElement>();
    private readonly StringBuilder _log = new();

    private KoishiHarness(Process process) => _process = process;

    private static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenWxCluster.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "tests", "koishi");
        }
    }

    /// <summary>Runs <c>npm ci</c> (pinned by package-lock.json) unless both adapters are installed at their versions.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (Pinned.All(p => InstalledVersion(p.Folder) == p.Version))
        {
            return;
        }

        var (exit, output) = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5), Directory);
        Assert.True(exit == 0, $"npm ci in {Directory} failed ({exit}): {output}");
    }

    private static string? InstalledVersion(string folder)
    {
        var manifest = Path.Combine(Directory, "node_modules", folder, "package.json");
        return File.Exists(manifest) ? JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("version").GetString() : null;
    }

    public static KoishiHarness Start(object config)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("harness.js");
        info.ArgumentList.Add(JsonSerializer.Serialize(config));
        var harness = new KoishiHarness(Process.Start(info) ?? throw new InvalidOperationException("could not start node"));
        harness._process.OutputDataReceived += (_, e) => harness.OnLine(e.Data);
        harness._process.ErrorDataReceived += (_, e) => harness.OnLine(e.Data);
        harness._process.BeginOutputReadLine();
        harness._process.BeginErrorReadLine();
        return harness;
    }

    /// <summary>The next step named <paramref name="step"/> (bounded wait against a hang); an <c>error</c> step fails the test.</summary>
    public async Task<JsonElement> StepAsync(string step)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            JsonElement line;
            try
            {
                line = await _steps.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no '{step}' step from koishi; its output:\n{Log}");
            }

            var name = line.GetProperty("step").GetString();
            Assert.False(name == "error", $"koishi failed:\n{Log}");
            if (name == step)
            {
                return line;
            }
        }
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (line.StartsWith("{\"step\"", StringComparison.Ordinal))
        {
            _steps.Writer.TryWrite(JsonDocument.Parse(line).RootElement.Clone());
        }
    }
}
