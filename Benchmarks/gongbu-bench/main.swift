// Micro-benchmarks that are not part of the test run. Run with:
//
//     swift run -c release gongbu-bench linking [notes] [concepts]
//     swift run -c release gongbu-bench schema
//     swift run -c release gongbu-bench pages SITE-FOLDER   (CPU time per kind of page)
//     swift run -c release gongbu-bench incremental SITE-FOLDER [edits] [title]   (gongbu serve's rebuilds)
//
// Everything is generated in memory from a fixed seed, so runs are comparable.
import Analysis
import Build
import Content
import Dispatch
import Foundation
import Glossary
import GongbuCore
import Manifests
import Markdown
import Site

/// A small deterministic generator (SplitMix64), so benchmark inputs never change between runs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let syllables = Array("가나다라마바사아자차카타파하거너더러머버서어저커터퍼허고노도로모보소오조코토포호구누두루무부수우주쿠투푸후기니디리미비시이지키티피히드르므브스즈크트프흐")
let particles = ["가", "를", "는", "의", "에서", "에서는", "로", "와", "도", "들을", "", "", ""]
let fillers = ["그래서", "결국", "이번에는", "실습에서", "처음엔", "정리하면", "예를 들어", "중요한 건", "다시 보면", "한 번 더"]

func makeConcepts(_ count: Int, random: inout SeededGenerator) -> [SourceDocument] {
    (0..<count).map { index in
        let korean = (0..<Int.random(in: 2...5, using: &random)).map { _ in String(syllables.randomElement(using: &random)!) }.joined()
        let english = "Term\(index)"
        let yaml =
            "title: \(korean) (\(english))\naliases: [\(korean), \(english), \(english)s]\nsummary: 개념 \(index)\nrelated: [c\((index + 1) % count)]\n"
        return SourceDocument(
            path: "content/glossary/c\(index).md", contentPath: "glossary/c\(index).md",
            frontMatter: try! YAMLReader.read(yaml), frontMatterLineOffset: 1, body: "\(korean) 설명", bodyStartLine: 7)
    }
}

func makeNote(_ terms: [String], random: inout SeededGenerator) -> String {
    var text = ""
    for section in 0..<4 {
        text += "## 절 \(section) \(terms.randomElement(using: &random)!)\n\n"
        for _ in 0..<3 {
            var sentence: [String] = []
            for _ in 0..<14 {
                if Int.random(in: 0..<4, using: &random) == 0 {
                    sentence.append(terms.randomElement(using: &random)! + particles.randomElement(using: &random)!)
                } else {
                    sentence.append(fillers.randomElement(using: &random)!)
                }
            }
            text += sentence.joined(separator: " ") + ".\n"
        }
        text += "\n```bash\nkubectl get pods\n```\n\n"
    }
    return text
}

func seconds(_ block: () -> Void) -> Double {
    let start = DispatchTime.now()
    block()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func linkingBenchmark(notes noteCount: Int, concepts conceptCount: Int) {
    var random = SeededGenerator(state: 42)
    let documents = makeConcepts(conceptCount, random: &random)
    var glossary = Glossary.empty
    let buildTime = seconds { glossary = Glossary.load(documents).0 }
    let terms = glossary.concepts.flatMap(\.aliases)
    let notes = (0..<noteCount).map { _ in makeNote(terms, random: &random) }
    let bytes = notes.reduce(0) { $0 + $1.utf8.count }
    let context = LinkContext(
        linkEveryMention: false, linkHeadings: false, conceptHref: { "../../concepts/\($0)/" },
        noteHref: { "../../notes/\($0)/" }, noteTitles: [:])
    let linker = ConceptLinker(glossary: glossary, context: context)

    var matchCount = 0
    let matchOnly = seconds {
        let counts = notes.concurrentMap { glossary.matcher.matches(in: $0).count }
        matchCount = counts.reduce(0, +)
    }
    var mentionCount = 0
    let parseAndLink = seconds {
        let counts = notes.concurrentMap { note -> Int in
            let document = MarkdownDocument(parsing: note)
            let result = linker.link(document, origin: .init(file: "n.md", lineOffset: 0, markdown: note))
            return result.mentions.reduce(0) { $0 + $1.count }
        }
        mentionCount = counts.reduce(0, +)
    }
    let parseOnly = seconds {
        _ = notes.concurrentMap { MarkdownDocument(parsing: $0).root.kind }
    }
    print(
        "linking: \(noteCount) notes (\(bytes / 1_000_000) MB), \(conceptCount) concepts (\(terms.count) aliases), \(Parallelism.processorCount) cores"
    )
    print(String(format: "  build matcher            %8.3f s", buildTime))
    print(String(format: "  match text only          %8.3f s  (%d matches)", matchOnly, matchCount))
    print(String(format: "  parse only (cmark)       %8.3f s", parseOnly))
    print(String(format: "  parse + link (AST)       %8.3f s  (%d mentions)", parseAndLink, mentionCount))
    print(String(format: "  linking cost over parse  %8.3f s", parseAndLink - parseOnly))
}

func schemaBenchmark() {
    var schema: KubernetesSchema?
    let load = seconds { schema = KubernetesSchema.shared }
    print(
        String(
            format: "schema: decoded %d types for %d Kubernetes versions in %.1f ms", schema!.types.count, schema!.versions.count,
            load * 1000))
}

/// Renders every page of a real site once, one core, and sums the time by kind of page.
func pagesBenchmark(source: String) {
    let root = Path.absolute(source, relativeTo: LocalFileSystem.currentDirectory)
    let options = BuildOptions(
        fileSystem: LocalFileSystem(), sourceRoot: root, outputRoot: Path.join(root, "public"), homeDirectory: "/nonexistent")
    var report = BuildReport()
    var analysis: SiteAnalysis?
    let analyseTime = seconds { analysis = SiteBuild(options: options, generatorVersion: "bench").analyse(&report) }
    guard let analysis else {
        print("analysis failed")
        return
    }
    let renderer = PageRenderer(
        theme: analysis.theme, config: analysis.model.config, ui: UIStrings.forLanguage(analysis.model.config.language),
        generatorVersion: "bench")
    let site = SiteRenderer(renderer: renderer, model: analysis.model)
    var byKind: [String: (count: Int, seconds: Double, bytes: Int)] = [:]
    for job in site.allJobs {
        let kind: String
        switch job {
        case .note: kind = "note"
        case .concept: kind = "concept"
        case .tag: kind = "tag"
        case .listPage(let listing, _):
            switch listing {
            case .home: kind = "home, later"
            case .tag: kind = "tag, later"
            case .section: kind = "folder, later"
            case .concept: kind = "concept, later"
            }
        default: kind = "\(job)"
        }
        var size = 0
        let time = seconds {
            size = site.renderPage(job).renderedBytes.count
        }
        byKind[kind, default: (0, 0, 0)].count += 1
        byKind[kind]!.seconds += time
        byKind[kind]!.bytes += size
    }
    let dataTime = seconds { _ = site.dataFiles() }
    print(String(format: "pages: analysis %.3f s (all cores)", analyseTime))
    for (kind, total) in byKind.sorted(by: { $0.value.seconds > $1.value.seconds }) {
        print(
            String(format: "  %-14@ %6d pages %8.3f s  %8.1f MB", kind as NSString, total.count, total.seconds, Double(total.bytes) / 1e6))
    }
    print(String(format: "  data files (graph, sitemap, feed, search; all cores) %.3f s", dataTime))
}

/// What `gongbu serve` does after a save: one full build kept in memory, then one note edited
/// (appending a sentence that mentions a concept) and the site brought up to date, `edits`
/// times over different notes. Reports the full build and each update's wall time (the
/// update includes re-reading the note from disk and re-rendering every page that shows it).
func incrementalBenchmark(source: String, edits: Int, retitle: Bool) {
    let root = Path.normalize(source.hasPrefix("/") ? source : FileManager.default.currentDirectoryPath + "/" + source)
    let options = BuildOptions(
        fileSystem: LocalFileSystem(), sourceRoot: root, outputRoot: root + "/public", homeDirectory: NSHomeDirectory())
    let build = IncrementalBuild(options: options, generatorVersion: "bench")
    let full = build.rebuildAll()
    print(String(format: "incremental: full build in memory %.3f s, %d notes, %d pages", full.seconds, full.notes, full.pages))
    let notesFolder = root + "/content/notes"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: notesFolder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    guard !names.isEmpty else {
        print("no notes in \(notesFolder)")
        return
    }
    var times: [Double] = []
    for edit in 0..<edits {
        let path = notesFolder + "/" + names[(edit * 7919) % names.count]
        guard let original = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
        // Either a sentence appended to the body, or (`title`) a new title, which changes how
        // the note is listed everywhere.
        let edited =
            retitle
            ? original.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"수정 \(edit) ")
            : original + "\n수정 \(edit): 파드를 다시 만들었다.\n"
        try? edited.write(toFile: path, atomically: false, encoding: .utf8)
        let update = build.update(changedPaths: [path])
        times.append(update.seconds)
        // The whole-site files are produced when first requested after a change (a reloaded
        // page does not ask for them); time that separately.
        let dataTime = seconds {
            _ = build.file(at: "graph.json")
            _ = build.file(at: "search/meta.json")
        }
        print(
            String(
                format: "  edit %d: %@ %.1f ms, %d pages rendered, %d files changed%@%@; then graph.json and the search index %.1f ms",
                edit, (path as NSString).lastPathComponent, update.seconds * 1000, update.rendered, update.changed.count,
                update.reassembled ? ", model assembled again" : "", update.hasErrors ? " (errors)" : "",
                dataTime * 1000))
        print("    " + update.steps.map { String(format: "%@ %.1f", $0.name as NSString, $0.seconds * 1000) }.joined(separator: ", "))
        try? original.write(toFile: path, atomically: false, encoding: .utf8)
        _ = build.update(changedPaths: [path])
    }
    let sorted = times.sorted()
    if !sorted.isEmpty {
        print(
            String(
                format: "  median %.1f ms, worst %.1f ms over %d edits", sorted[sorted.count / 2] * 1000, sorted.last! * 1000, sorted.count)
        )
    }
}

/// graph.json written by hand (what the build does) against the same document through
/// `Encodable` and `JSONEncoder`, best of three each: the measurement behind keeping the large
/// data files hand-written.
func jsonBenchmark(source: String) {
    let root = Path.absolute(source, relativeTo: LocalFileSystem.currentDirectory)
    let options = BuildOptions(
        fileSystem: LocalFileSystem(), sourceRoot: root, outputRoot: Path.join(root, "public"), homeDirectory: "/nonexistent")
    var report = BuildReport()
    guard let analysis = SiteBuild(options: options, generatorVersion: "bench").analyse(&report) else {
        print("analysis failed")
        return
    }
    let model = analysis.model
    let urls = analysis.urls
    struct Concept: Encodable {
        var id, title: String
        var aliases: [String]
        var summary, url: String
    }
    struct Note: Encodable {
        var id, title, source, url: String
        var tags: [String]
        @JSONNullable var date: String?
    }
    struct Edge: Encodable {
        var source, target, kind: String
        var weight: Int
    }
    struct Graph: Encodable {
        var concepts: [Concept]
        var notes: [Note]
        var edges: [Edge]
    }
    func endpoint(_ endpoint: GraphEdge.Endpoint) -> String {
        switch endpoint {
        case .note(let index): "note:" + model.notes[index].slug
        case .concept(let index): "concept:" + model.glossary.concepts[index].id
        }
    }
    func encodable() -> String {
        let graph = Graph(
            concepts: model.glossary.concepts.map {
                Concept(id: $0.id, title: $0.title, aliases: $0.aliases, summary: $0.summary, url: urls.absolute(urls.concept($0.id)))
            },
            notes: model.notes.indices.map { index in
                let note = model.notes[index]
                return Note(
                    id: note.slug, title: note.title, source: note.source, url: urls.absolute(.note(slug: note.slug)),
                    tags: model.noteTags[index].map(\.name), date: note.date?.htmlDateTime)
            },
            edges: model.graph.edges.map {
                Edge(source: endpoint($0.source), target: endpoint($0.target), kind: $0.kind, weight: $0.weight)
            })
        return JSONText.encode(graph)
    }
    var sizes = (0, 0)
    let byHand = (0..<3).map { _ in seconds { sizes.0 = GraphExport.json(model, urls: urls).utf8.count } }.min()!
    let throughEncoder = (0..<3).map { _ in seconds { sizes.1 = encodable().utf8.count } }.min()!
    print("graph.json: \(model.notes.count) notes, \(model.graph.edges.count) edges")
    print(String(format: "  by hand        %8.3f s  %d bytes", byHand, sizes.0))
    print(String(format: "  JSONEncoder    %8.3f s  %d bytes  (%.1fx)", throughEncoder, sizes.1, throughEncoder / byHand))
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "schema":
    schemaBenchmark()
case "pages":
    pagesBenchmark(source: arguments.dropFirst().first ?? ".")
case "incremental":
    incrementalBenchmark(
        source: arguments.dropFirst().first ?? ".", edits: arguments.dropFirst(2).first.flatMap(Int.init) ?? 9,
        retitle: arguments.dropFirst(3).first == "title")
case "json":
    jsonBenchmark(source: arguments.dropFirst().first ?? ".")
case "linking":
    let notes = arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
    let concepts = arguments.dropFirst(2).first.flatMap(Int.init) ?? 1_000
    linkingBenchmark(notes: notes, concepts: concepts)
default:
    print(
        "usage: gongbu-bench linking [notes] [concepts] | schema | pages SITE-FOLDER | json SITE-FOLDER | incremental SITE-FOLDER [edits] [title]"
    )
}
