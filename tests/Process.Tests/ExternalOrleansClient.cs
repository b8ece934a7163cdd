using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace OpenWxCluster.Process.Tests;

/// <summary>How an outside Orleans client presents itself to a silo's gateway.</summary>
public enum ClientIdentity
{
    /// <summary>No TLS at all (what any Orleans client did before the ports were locked).</summary>
    Plain,
    /// <summary>TLS without a client certificate.</summary>
    NoCertificate,
    /// <summary>TLS with the given certificate.</summary>
    Certificate,
}

/// <summary>An Orleans client host outside the cluster's processes, pointed at one silo's gateway.</summary>
public sealed class ExternalOrleansClient : IAsyncDisposable
{
    private readonly IHost _host;

    public ExternalOrleansClient(HostProcess silo, SiloSettings settings, ClientIdentity identity, X509Certificate2? certificate = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, silo.GatewayPort))
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                })
                // A refused call fails fast instead of waiting the 30 s default.
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15));
            if (identity != ClientIdentity.Plain)
            {
                client.UseTls(tls =>
                {
                    tls.LocalCertificate = identity == ClientIdentity.Certificate ? certificate : null;
                    tls.ClientCertificateMode = identity == ClientIdentity.Certificate
                        ? RemoteCertificateMode.RequireCertificate
                        : RemoteCertificateMode.NoCertificate;
                    // These tests judge the silo's check of the client; the client's check of the silo is the
                    // product's own (OrleansTls), exercised by the stand-alone web front process.
                    tls.AllowAnyRemoteCertificate();
                });
            }
        });
        _host = builder.Build();
    }

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    public async Task StartAsync()
    {
        using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _host.StartAsync(startup.Token);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or Orleans.Runtime.OrleansException)
        {
            // a refused client may never have connected
        }
        _host.Dispose();
    }
}
