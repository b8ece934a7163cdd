using OpenWxCluster.TestKit;

namespace OpenWxCluster.TestReport.Tests;

public sealed class FigureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "testreport-figures-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Figures_recorded_by_tests_are_read_back_sorted_one_per_line()
    {
        TestFigures.RecordIn(_folder, "failover", "accounts resumed 0.9 s after the kill");
        TestFigures.RecordIn(_folder, "emulator", "two\nlines");

        Assert.Equal(["emulator: two lines", "failover: accounts resumed 0.9 s after the kill"], FigureReader.Read(_folder));
    }

    [Fact]
    public void Records_from_parallel_callers_are_all_kept()
    {
        Parallel.For(0, 50, i => TestFigures.RecordIn(_folder, "n", i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"n: {i:D2}"), FigureReader.Read(_folder));
    }

    [Fact]
    public void Nothing_is_written_without_a_folder_and_nothing_is_read_from_none()
    {
        TestFigures.RecordIn(null, "failover", "0.9 s");

        Assert.Empty(FigureReader.Read(null));
        Assert.Empty(FigureReader.Read(_folder));
    }

    [Fact]
    public void Writer_and_reader_agree_on_the_file_extension()
    {
        Assert.Equal(TestFigures.FileExtension, FigureReader.FileExtension);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
