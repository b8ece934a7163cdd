namespace OpenWxCluster.Persistence;

/// <summary>One embedded part of the schema: its file name (which orders the parts) and its SQL text.</summary>
public sealed record SqlScript(string Name, string Text);
