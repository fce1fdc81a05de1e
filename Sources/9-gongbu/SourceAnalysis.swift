import Build
import GongbuCore

/// Reads and analyses the source as `gongbu build` would, writing nothing (for the commands
/// that print what a build knows: `graph`, `cards`, `study`). A fatal problem is reported and
/// ends the command with exit code 2; the content's diagnostics are left to the caller.
func analyseSource(_ sourceRoot: String, terminal: Terminal) throws -> (analysis: SiteAnalysis?, report: BuildReport) {
    var options = BuildOptions(
        fileSystem: LocalFileSystem(), sourceRoot: sourceRoot, outputRoot: Path.join(sourceRoot, SourceLayout.defaultOutputFolder),
        homeDirectory: LocalFileSystem.homeDirectory)
    options.dryRun = true
    var report = BuildReport()
    let analysis = SiteBuild(options: options, generatorVersion: Gongbu.version).analyse(&report)
    if let fatal = report.fatal {
        terminal.report(report.diagnostics.sortedForDisplay(), sourceRoot: sourceRoot)
        terminal.error(fatal)
        throw ExitStatus.usageOrIO
    }
    return (analysis, report)
}
