namespace OpenWxCluster.TestReport.Tests;

public sealed class ExpectedListTests
{
    [Fact]
    public void Blank_lines_comments_and_repeats_are_ignored_and_paths_trimmed()
    {
        var listed = ExpectedList.Parse("# test projects\r\n\r\n  tests/A/A.Tests.csproj  \r\ntests/B/B.Tests.csproj\ntests/A/A.Tests.csproj\n");

        Assert.Equal(["tests/A/A.Tests.csproj", "tests/B/B.Tests.csproj"], listed);
    }

    [Fact]
    public void An_assembly_is_named_after_its_project_file()
    {
        Assert.Equal("OpenWxCluster.Process.Tests", ExpectedList.NameOf("tests/Process.Tests/OpenWxCluster.Process.Tests.csproj"));
    }
}
