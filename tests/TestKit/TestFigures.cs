namespace OpenWxCluster.TestKit;

/// <summary>Figures a test measures, collected for the test command to print (directory in OPENWX_TEST_FIGURES).</summary>
public static class TestFigures
{
    public static void Record(string name, string line)
    {
        var directory = Environment.GetEnvironmentVariable("OPENWX_TEST_FIGURES");
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"{name}-{Guid.NewGuid():N}.txt"), $"{name}: {line}\n");
    }
}
