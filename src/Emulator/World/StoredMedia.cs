namespace OpenWxCluster.Emulator.World;

/// <summary>An uploaded file: what webwxuploadmedia assembled and webwxgetmsgimg serves back.</summary>
internal sealed record StoredMedia(string MediaId, byte[] Bytes, string Name, string Mime, string OwnerWxid);
