using System.Text;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The wrk Lua script of a scenario: requests rotate over its paths (accounts × targets, each thread from its own
/// offset), and a <c>response</c> hook counts Mojo refusals among 2xx answers. A send must answer <c>"code":0</c>;
/// a read answers the object itself, so only an answer that starts with a non-zero <c>code</c> is a refusal.
/// <c>done</c> prints one <c>WRKRESULT</c> line that <see cref="WrkRunner"/> parses.
/// </summary>
internal static class WrkScript
{
    public static string Write(string directory, string name, IReadOnlyList<string> paths, bool mustAnswerCode)
    {
        var script = new StringBuilder();
        script.AppendLine("local paths = {");
        foreach (var path in paths)
        {
            // Paths are built from escaped query values: no quote or backslash can occur.
            script.Append("  \"").Append(path).AppendLine("\",");
        }
        script.AppendLine("}");
        script.AppendLine("local n = #paths");
        script.AppendLine("""
            function request()
              i = i + 1
              return wrk.format(nil, paths[(i % n) + 1])
            end
            """);
        return Save(directory, name, script, mustAnswerCode);
    }

    /// <summary>The same <paramref name="body"/> POSTed to <paramref name="path"/> again and again (the webhook ceiling).</summary>
    public static string WritePost(string directory, string name, string path, string body)
    {
        var script = new StringBuilder();
        script.AppendLine("wrk.method = \"POST\"");
        script.Append("wrk.path = \"").Append(path).AppendLine("\"");
        script.AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"");
        // A long bracket whose level the body cannot close early.
        var level = new string('=', 1 + Enumerable.Range(0, 8).First(l => !body.Contains("]" + new string('=', l + 1) + "]", StringComparison.Ordinal)));
        script.Append("wrk.body = [").Append(level).Append('[').Append(body).Append(']').Append(level).AppendLine("]");
        return Save(directory, name, script, mustAnswerCode: false);
    }

    private static string Save(string directory, string name, StringBuilder script, bool mustAnswerCode)
    {
        script.AppendLine(mustAnswerCode ? "local must_answer_code = true" : "local must_answer_code = false");
        script.Append("""
            local threads = {}
            function setup(thread)
              thread:set("offset", #threads * 7919)
              table.insert(threads, thread)
            end
            function init(args)
              i = offset
              bad = 0
            end
            function response(status, headers, body)
              if status >= 200 and status < 300 then
                local head = string.sub(body, 1, 120)
                if must_answer_code then
                  if not string.find(head, '"code":0', 1, true) then bad = bad + 1 end
                elseif string.find(head, '^{"code":') and not string.find(head, '^{"code":0[,}]') then
                  bad = bad + 1
                end
              end
            end
            function done(summary, latency, requests)
              local b = 0
              for _, t in ipairs(threads) do b = b + t:get("bad") end
              local e = summary.errors
              io.write(string.format("WRKRESULT %d %d %d %d %d %d %d %d %.0f %.0f\n",
                summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status, b,
                latency:percentile(50), latency:percentile(99)))
            end

            """);
        var file = Path.Combine(directory, name + ".lua");
        File.WriteAllText(file, script.ToString());
        return file;
    }
}
