namespace OpenWxCluster.Emulator.Control;

/// <summary>The media a message carried, as its recipients download it: uploaded name and mime, bytes in base64.</summary>
public sealed record MessageMediaInfo(string MsgId, string MediaId, string Name, string Mime, int Size, string DataBase64);
