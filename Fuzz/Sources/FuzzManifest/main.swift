import Foundation
import FuzzSupport
import GongbuCore
import Manifests

/// Any bytes as a manifest example: YAML with its limits, the schema and the API rules, and
/// every report format.
func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let results = ManifestValidator.validate([ManifestSource(file: "fuzz.yaml", text: text)], options: ValidationOptions())
    let report = ValidationReport(results: results)
    _ = report.text(quiet: false)
    _ = report.json()
    _ = report.junit()
    _ = report.tap()
    return 0
}

// libFuzzer's driver, called from this executable's own main (SwiftPM gives every executable
// target a main; the toolchain's -sanitize=fuzzer links libFuzzer without its main then).
var arguments = CommandLine.argc
var values = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values, fuzzManifest))
