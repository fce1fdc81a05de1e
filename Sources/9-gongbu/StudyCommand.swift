import Analysis
import ArgumentParser
import Foundation
import GongbuCore
import Site
import Study

struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Review the cards in the terminal, with the FSRS-5 scheduler.",
        discussion: """
            Shows the cards that are due, then new ones (at most --new a session): press Enter to
            see the answer, then grade it 1 (again), 2 (hard), 3 (good) or 4 (easy); q ends the
            session. The schedule is kept in .gongbu-study.json in the source folder (a hidden
            file, never read as a note); the notes are never changed.

            Examples:
              gongbu study
              gongbu study --new 5 --source ~/notes
            """
    )

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "New cards to add in this session.")
    var new: Int = 20

    /// For tests: the session's time in seconds since 1970.
    @Option(name: .long, help: .hidden)
    var now: Double?

    static let scheduleFile = ".gongbu-study.json"

    /// The schedule file: `{"version":1,"cards":{id: memory}}`.
    struct Schedule: Codable {
        var version = 1
        var cards: [String: FSRS.Memory] = [:]
    }

    func run() throws {
        let terminal = Terminal()
        let sourceRoot = sourceOptions.sourceRoot
        guard LocalFileSystem().isDirectory(sourceRoot) else {
            terminal.error("source folder \(sourceRoot) does not exist")
            throw ExitStatus.usageOrIO
        }
        let (cards, model, _) = try studyCards(sourceRoot, terminal: terminal)
        let ui = UIStrings.forLanguage(model.config.language)
        let path = Path.join(sourceRoot, Self.scheduleFile)
        var schedule = Schedule()
        if let data = FileManager.default.contents(atPath: path) {
            guard let read = try? JSONDecoder().decode(Schedule.self, from: data) else {
                terminal.error("\(path) is not a gongbu study schedule; move it away to start a new one")
                throw ExitStatus.usageOrIO
            }
            schedule = read
        }
        let start = now ?? Date().timeIntervalSince1970
        let due = cards.filter { schedule.cards[$0.id].map { $0.due <= start } ?? false }.sorted {
            schedule.cards[$0.id]!.due < schedule.cards[$1.id]!.due
        }
        let fresh = cards.filter { schedule.cards[$0.id] == nil }.prefix(max(new, 0))
        var queue = due + fresh
        print(
            ui["studyTerminalDue"].replacingOccurrences(of: "{due}", with: String(due.count)).replacingOccurrences(
                of: "{new}", with: String(fresh.count)))
        let fsrs = FSRS()
        var reviewed = 0
        func save() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            guard FileManager.default.createFile(atPath: path, contents: try encoder.encode(schedule)) else {
                terminal.error("cannot write \(path)")
                throw ExitStatus.usageOrIO
            }
        }
        session: while !queue.isEmpty {
            let card = queue.removeFirst()
            print("\n[\(ui[Card.kindLabelKey(card.kind)])] \(card.front)")
            if !card.code.isEmpty { print(card.code) }
            guard let reveal = readLine(), reveal.trimmingCharacters(in: .whitespaces).lowercased() != "q" else { break }
            print(card.back)
            print("  \(ui["studySource"]): \(card.source):\(card.line)")
            while true {
                print(ui["studyTerminalGrade"], terminator: "")
                guard let answer = readLine()?.trimmingCharacters(in: .whitespaces) else { break session }
                if answer.lowercased() == "q" { break session }
                guard let number = Int(answer), let grade = FSRS.Grade(rawValue: number) else { continue }
                let time = (now ?? Date().timeIntervalSince1970)
                let memory = fsrs.review(schedule.cards[card.id], grade: grade, now: time)
                schedule.cards[card.id] = memory
                try save()
                reviewed += 1
                let seconds = memory.due - time
                let when =
                    seconds < 86_400
                    ? ui["studyTerminalMinutes"].replacingOccurrences(of: "{n}", with: String(Int((seconds / 60).rounded())))
                    : ui["studyTerminalDays"].replacingOccurrences(of: "{n}", with: String(Int((seconds / 86_400).rounded())))
                print(ui["studyTerminalNext"].replacingOccurrences(of: "{when}", with: when))
                if grade == .again { queue.append(card) }
                break
            }
        }
        print(
            "\n"
                + ui["studyTerminalSummary"].replacingOccurrences(of: "{count}", with: String(reviewed)).replacingOccurrences(
                    of: "{file}", with: Self.scheduleFile))
    }
}
