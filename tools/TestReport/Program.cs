using OpenWxCluster.TestReport;

// Prints the end of scripts/test.sh's output and exits 0 if and only if its closing line counts no failure.
var command = CommandLine.Parse(args);
var root = Path.GetFullPath(command.Root);
var listed = ExpectedList.Parse(File.ReadAllText(Path.GetFullPath(command.List, root)));

var runs = listed.Select(project =>
{
    var name = ExpectedList.NameOf(project);
    var exitCodeFile = Path.Combine(command.Results, name + ".exitcode");
    int? exitCode = File.Exists(exitCodeFile) && int.TryParse(File.ReadAllText(exitCodeFile).Trim(), out var code) ? code : null;
    return new AssemblyRun(name, exitCode, Path.Combine(command.Results, name + ".trx"));
});
var unlisted = TestProjectScan.FindUnlisted(root, command.Tests, listed);
var report = RunSummarizer.Summarize(runs, unlisted);

foreach (var line in ReportWriter.Lines(report, FigureReader.Read(command.Figures)))
{
    Console.WriteLine(line);
}
return report.ExitCode;
