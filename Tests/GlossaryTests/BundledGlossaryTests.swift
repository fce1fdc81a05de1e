import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Glossary

@Suite("Bundled glossary")
struct BundledGlossaryTests {
    /// The binary's copy is content/glossary/ as it is (`python3 scripts/embed-glossary.py`).
    @Test func theEmbeddedCopyMatchesContentGlossary() throws {
        let folder = TestPaths.repositoryRoot + "/content/glossary"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        #expect(BundledGlossaryFiles.entries.map(\.name) == names, "run python3 scripts/embed-glossary.py")
        for entry in BundledGlossaryFiles.entries {
            let onDisk = try String(contentsOfFile: folder + "/" + entry.name, encoding: .utf8)
            #expect(
                onDisk == entry.text, "content/glossary/\(entry.name) differs from the embedded copy: run python3 scripts/embed-glossary.py"
            )
        }
    }

    @Test func itLoadsWithoutAProblem() {
        let (glossary, diagnostics) = Glossary.load([], bundled: true)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(glossary.concepts.count == BundledGlossaryFiles.entries.count)
        #expect(glossary.concepts.allSatisfy { $0.isBundled })
        #expect(glossary.concepts.map(\.id) == glossary.concepts.map(\.id).sorted())
        #expect(glossary["pod"]?.source == "gongbu:glossary/pod.md")
    }
}
