using Npgsql;
using NpgsqlTypes;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>
/// Parameters bound the way the Orleans AdoNet providers bind them: named without a prefix, with the PostgreSQL
/// type Npgsql infers from the CLR type (contract section 2), and a typed NULL for null.
/// </summary>
internal static class Param
{
    public static NpgsqlParameter Text(string name, string? value) => Create(name, value, NpgsqlDbType.Text);

    public static NpgsqlParameter Int(string name, int? value) => Create(name, value, NpgsqlDbType.Integer);

    public static NpgsqlParameter Long(string name, long? value) => Create(name, value, NpgsqlDbType.Bigint);

    public static NpgsqlParameter Bytes(string name, byte[]? value) => Create(name, value, NpgsqlDbType.Bytea);

    public static NpgsqlParameter Time(string name, DateTime? value)
    {
        if (value is { Kind: not DateTimeKind.Utc })
        {
            throw new ArgumentException("The providers only ever bind UTC times.", nameof(value));
        }

        return Create(name, value, NpgsqlDbType.TimestampTz);
    }

    private static NpgsqlParameter Create(string name, object? value, NpgsqlDbType type) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
