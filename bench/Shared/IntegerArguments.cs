namespace OpenWxCluster.Bench.Shared;

/// <summary>The benches' command lines: <c>--name N</c> pairs, each with its smallest allowed value.</summary>
public static class IntegerArguments
{
    /// <summary>
    /// <paramref name="defaults"/> with every pair of <paramref name="args"/> applied; null when a name is unknown, a
    /// value is missing, not an integer or below its minimum.
    /// </summary>
    public static T? Parse<T>(string[] args, T defaults, IReadOnlyDictionary<string, (int Min, Func<T, int, T> Apply)> options)
        where T : class
    {
        var result = defaults;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!options.TryGetValue(args[i], out var option)
                || i + 1 >= args.Length
                || !int.TryParse(args[i + 1], out var n)
                || n < option.Min)
            {
                return null;
            }
            result = option.Apply(result, n);
        }
        return result;
    }
}
