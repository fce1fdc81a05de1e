import Analysis
import ArgumentParser
import Build
import Content
import Foundation
import GongbuCore
import Site
import Study

/// Reads the source and makes the site's review cards, as `gongbu build` would.
func studyCards(_ sourceRoot: String, terminal: Terminal) throws -> (cards: [Card], model: SiteModel, urls: SiteURLs) {
    let (analysis, report) = try analyseSource(sourceRoot, terminal: terminal)
    guard let analysis else {
        terminal.report(report.diagnostics.sortedForDisplay(), sourceRoot: sourceRoot)
        throw ExitStatus.contentProblems
    }
    let ui = UIStrings.forLanguage(analysis.model.config.language)
    return (StudyDeck.cards(analysis.model, urls: analysis.urls, ui: ui), analysis.model, analysis.urls)
}

struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "Export the review cards made from the glossary and the notes.",
        discussion: """
            Cards come from the glossary (term and definition both ways, Korean and English names,
            relations), from the notes' definition lines (- 용어 : 설명), explicit cards (질문::답,
            질문:::답, a ? line between question and answer), cloze deletions (==말==, {{c1::말}})
            and expect-error examples. Each card's id is stable, so importing again updates it.

            Formats: apkg (an Anki package, one deck per group), tsv (Anki's text import and other
            tools), json ({"cards":[{"id","kind","front","back","source","line","deck","tags"}]}).

            Examples:
              gongbu cards --format apkg --output 공부.apkg
              gongbu cards --format tsv --deck tag > cards.tsv
              gongbu cards | jq '.cards[] | select(.kind == "definition")'
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case apkg, tsv, json
    }

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "Output format: apkg, tsv or json.")
    var format: Format = .json

    @Option(name: .long, help: "Group cards into decks by section (folder), tag, kind or none.")
    var deck: String = CardExport.Grouping.section.rawValue

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard CardExport.Grouping(rawValue: deck) != nil else {
            throw ValidationError("--deck must be one of: " + CardExport.Grouping.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let terminal = Terminal()
        let sourceRoot = sourceOptions.sourceRoot
        guard LocalFileSystem().isDirectory(sourceRoot) else {
            terminal.error("source folder \(sourceRoot) does not exist")
            throw ExitStatus.usageOrIO
        }
        let (all, model, urls) = try studyCards(sourceRoot, terminal: terminal)
        let ui = UIStrings.forLanguage(model.config.language)
        let cards = CardExport.grouped(
            all, by: CardExport.Grouping(rawValue: deck)!, untagged: ui["studyUntagged"], all: model.config.title)
        let siteURL = urls.baseURL.contains("://") ? urls.baseURL : nil
        let bytes: [UInt8]
        switch format {
        case .json: bytes = Array(CardExport.json(cards).utf8)
        case .tsv: bytes = Array(CardExport.tsv(cards, siteURL: siteURL).utf8)
        case .apkg:
            do {
                bytes = try AnkiPackage.package(
                    decks: StudyDeck.ankiDecks(cards, siteTitle: model.config.title), siteURL: siteURL, modified: StudyDeck.modified(model))
            } catch {
                terminal.error("the Anki package could not be made: \(error)")
                throw ExitStatus.usageOrIO
            }
        }
        if let output {
            let path = Path.absolute(output, relativeTo: LocalFileSystem.currentDirectory)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                terminal.error("cannot write \(path)")
                throw ExitStatus.usageOrIO
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
