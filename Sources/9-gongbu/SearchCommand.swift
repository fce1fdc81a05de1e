import ArgumentParser
import Build
import Content
import Foundation
import GongbuCore
import Markdown
import Search
import Site

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find concepts and notes, Korean-aware.",
        discussion: """
            Matches Korean with particles (파드를), English with plurals (pods), initial consonants
            alone (ㅍㄷ → 파드, ㄷㅍㄹㅇㅁㅌ → 디플로이먼트), phrases (롤링 업데이트), and near spellings
            when nothing matches exactly (deploymnet → deployment). A query that names a concept by
            any alias also finds notes that use its other aliases, and that concept comes first.

            Uses the index `gongbu build` wrote to public/search/ when it is newer than the notes;
            otherwise builds one in memory.

            Examples:
              gongbu search 파드
              gongbu search ㄷㅍㄹㅇㅁㅌ
              gongbu search 롤링 업데이트 --kind note --limit 5
              gongbu search deploymnet --json

            Exit codes: 0 results found, 1 nothing found, 2 usage or I/O errors (a blank query).
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case concept, note
    }

    @Argument(help: "What to look for.")
    var query: [String] = []

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "At most this many concepts and this many notes.")
    var limit: Int = 10

    @Option(name: .long, help: "Only concepts or only notes.")
    var kind: Kind?

    @Flag(
        name: .long,
        help: "Print JSON: {query, concepts: [{id, title, url, score, fuzzy}], notes: [{id, title, source, url, score, snippet}]}.")
    var json = false

    func validate() throws {
        if query.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("the query is empty; give a word to search for, e.g. gongbu search 파드")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let terminal = Terminal()
        let text = query.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        let sourceRoot = sourceOptions.sourceRoot
        let fileSystem = LocalFileSystem()
        guard fileSystem.isDirectory(sourceRoot) else {
            terminal.error("source folder \(sourceRoot) does not exist")
            throw ExitStatus.usageOrIO
        }
        let config = readConfig(sourceRoot, fileSystem)
        let source: any SearchSource
        var documentText: (Int) -> String?
        var documentInfo: (Int) -> SearchDocument?
        let saved = Path.join(sourceRoot, "public/" + IndexFiles.folder)
        if SavedIndex.isFresh(saved, sourceRoot: sourceRoot, fileSystem: fileSystem),
            let loaded = try? LoadedIndex(folder: saved, fileSystem: fileSystem)
        {
            source = loaded
            documentInfo = { loaded.document($0) }
            documentText = { index in
                guard let document = loaded.document(index) else { return nil }
                return Self.readProse(Path.join(sourceRoot, document.source), fileSystem: fileSystem)
            }
        } else {
            var options = BuildOptions(
                fileSystem: fileSystem, sourceRoot: sourceRoot, outputRoot: Path.join(sourceRoot, SourceLayout.defaultOutputFolder),
                homeDirectory: LocalFileSystem.homeDirectory)
            options.dryRun = true
            options.searchIndexOnly = true
            var report = BuildReport()
            guard let analysis = SiteBuild(options: options, generatorVersion: Gongbu.version).analyse(&report),
                let index = analysis.model.searchIndex
            else {
                terminal.error(report.fatal ?? "cannot read the notes")
                throw ExitStatus.usageOrIO
            }
            source = index
            documentInfo = { index.documents[$0] }
            documentText = { index.documents[$0].body }
        }
        let results = QueryEngine(source: source).search(text, limit: limit, kind: kind.map { $0 == .concept ? .concept : .note })
        let urls = config.baseURL.contains("://") ? config.baseURL : nil
        func url(_ path: String) -> String { (urls ?? "/") + Escape.urlPath(path) }

        if json {
            let concepts = results.concepts.compactMap { hit -> JSONConcept? in
                guard let document = documentInfo(hit.document) else { return nil }
                return JSONConcept(
                    id: document.id, title: document.title, url: url(document.url), score: JSONText.rounded(hit.score), fuzzy: hit.fuzzy)
            }
            let notes = results.notes.compactMap { hit -> JSONNote? in
                guard let document = documentInfo(hit.document) else { return nil }
                let snippet = Snippets.make(documentText(hit.document) ?? document.summary, highlights: results.highlights)
                return JSONNote(
                    id: document.id, title: document.title, source: document.source, url: url(document.url),
                    score: JSONText.rounded(hit.score), snippet: snippet.plain)
            }
            print(JSONText.encode(JSONResults(query: text, concepts: concepts, notes: notes)))
        } else if !results.isEmpty {
            let color = terminal.stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
            func mark(_ text: String) -> String { color ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }
            func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
            if !results.concepts.isEmpty {
                print(bold("개념"))
                for hit in results.concepts {
                    guard let document = documentInfo(hit.document) else { continue }
                    let fuzzy = hit.fuzzy ? dim(" (비슷한 철자)") : ""
                    print("  " + bold(document.title) + fuzzy + "  " + dim(url(document.url)))
                    if !document.aliases.isEmpty { print("    " + dim(document.aliases.joined(separator: ", "))) }
                    let concept = source.concepts.first { $0.document == hit.document }
                    if document.aliases.isEmpty, let aliases = concept?.aliases, !aliases.isEmpty {
                        print("    " + dim(aliases.joined(separator: ", ")))
                    }
                    if !document.summary.isEmpty { print("    " + document.summary) }
                }
            }
            if !results.notes.isEmpty {
                if !results.concepts.isEmpty { print("") }
                print(bold("노트"))
                for hit in results.notes {
                    guard let document = documentInfo(hit.document) else { continue }
                    print("  " + bold(document.title) + "  " + dim(document.source))
                    let snippet = Snippets.make(documentText(hit.document) ?? document.summary, highlights: results.highlights)
                    print("    " + snippet.before + mark(snippet.match) + snippet.after)
                }
            }
        } else {
            FileHandle.standardError.write(Data("'\(text)'에 맞는 개념이나 노트가 없습니다.\n".utf8))
        }
        if results.isEmpty { throw ExitStatus.contentProblems }
    }

    func readConfig(_ sourceRoot: String, _ fileSystem: LocalFileSystem) -> SiteConfig {
        let path = Path.join(sourceRoot, SiteConfig.fileName)
        guard let bytes = try? fileSystem.readFile(at: path), let decoded = try? TextDecoding.decode(bytes) else { return SiteConfig() }
        return SiteConfig.read(decoded.text, file: SiteConfig.fileName).0
    }

    /// A note's prose, read again for a snippet (a saved index keeps no text).
    static func readProse(_ path: String, fileSystem: any FileSystem) -> String? {
        guard let bytes = try? fileSystem.readFile(at: path), let decoded = try? TextDecoding.decode(bytes) else { return nil }
        return MarkdownDocument(parsing: FrontMatterSplit.split(decoded.text).body, extensions: .notes).proseText()
    }

    /// `--json`: `{"query","concepts":[{"id","title","url","score","fuzzy"}],"notes":[{"id","title","source","url","score","snippet"}]}`.
    struct JSONResults: Encodable {
        var query: String
        var concepts: [JSONConcept]
        var notes: [JSONNote]
    }

    struct JSONConcept: Encodable {
        var id, title, url: String
        var score: Double
        var fuzzy: Bool
    }

    struct JSONNote: Encodable {
        var id, title, source, url: String
        var score: Double
        var snippet: String
    }
}
