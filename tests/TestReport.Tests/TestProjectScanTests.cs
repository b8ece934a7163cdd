namespace OpenWxCluster.TestReport.Tests;

public sealed class TestProjectScanTests : IDisposable
{
    private const string SdkReference = """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>""";
    private const string Flagged = """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>""";
    private const string Library = """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsPackable>false</IsPackable></PropertyGroup></Project>""";
    private const string OptedOut = """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>""";

    private readonly string _root = Directory.CreateTempSubdirectory("testreport-scan-").FullName;

    [Theory]
    [InlineData(Flagged, true)]
    [InlineData(SdkReference, true)]
    [InlineData(Library, false)]
    [InlineData(OptedOut, false)]
    public void A_test_project_sets_IsTestProject_or_references_the_test_sdk(string xml, bool isTest)
    {
        Assert.Equal(isTest, TestProjectScan.IsTestProject(xml));
    }

    [Fact]
    public void Test_projects_under_tests_that_are_not_listed_are_found()
    {
        Write("tests/A/A.Tests.csproj", Flagged);
        Write("tests/B/B.Tests.csproj", SdkReference);
        Write("tests/Kit/Kit.csproj", Library);
        Write("tests/A/bin/Release/Copy.csproj", Flagged);
        Write("src/C/C.Tests.csproj", Flagged);

        var unlisted = TestProjectScan.FindUnlisted(_root, "tests", ["tests/A/A.Tests.csproj"]);

        Assert.Equal(["tests/B/B.Tests.csproj"], unlisted);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string xml)
    {
        var path = System.IO.Path.Combine(_root, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, xml);
    }
}
