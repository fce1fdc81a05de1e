import Content
import Foundation
import FuzzSupport
import GongbuCore

/// Any bytes as a note file: decoding, the front matter split, YAML with its limits, and the
/// typed metadata (dates, tags, slugs). Nothing may crash; errors are diagnostics.
func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? TextDecoding.decode(bytes) else { return 0 }
    let (document, _) = SourceDocument.parse(text: decoded.text, path: "content/notes/fuzz.md", contentPath: "notes/fuzz.md")
    let (note, _) = ContentLoader.makeNote(document)
    precondition(
        !note.slug.contains("/") && !note.slug.contains("..") && !note.slug.contains("\\"), "slug escapes its folder: \(note.slug)")
    _ = SiteConfig.read(decoded.text, file: "gongbu.yml")
    return 0
}

// libFuzzer's driver, called from this executable's own main (SwiftPM gives every executable
// target a main; the toolchain's -sanitize=fuzzer links libFuzzer without its main then).
var arguments = CommandLine.argc
var values = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values, fuzzFrontMatter))
