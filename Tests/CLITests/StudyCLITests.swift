import Foundation
import GongbuTestSupport
import Testing

/// `gongbu cards` and `gongbu study` as a learner runs them.
@Suite("Command line: cards and study")
struct StudyCLITests {
    /// A copy of the CLI fixture with a study-template note.
    static func site() throws -> String {
        let work = CLI.temporaryFolder()
        try FileManager.default.copyItem(atPath: CLI.site, toPath: work + "/site")
        try """
        ---
        title: 용어 정리
        tags: [기초]
        ---
        - 네임스페이스 : 클러스터 안의 오브젝트를 나누는 이름 공간
        - 리소스 쿼터: 네임스페이스가 쓸 수 있는 자원의 총량
        - 참고: 공식 문서

        기본 네임스페이스 이름은?::default
        """.write(toFile: work + "/site/content/notes/terms.md", atomically: true, encoding: .utf8)
        return work
    }

    @Test func cardsInEveryFormat() throws {
        let work = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let json = try CLI.run(["cards", "--source", work + "/site"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cards = try #require(object["cards"] as? [[String: Any]])
        let mine = cards.filter { $0["source"] as? String == "content/notes/terms.md" }
        #expect(mine.map { $0["kind"] as? String } == ["definition", "definition", "explicit"])
        #expect(mine.map { $0["front"] as? String } == ["네임스페이스", "리소스 쿼터", "기본 네임스페이스 이름은?"])
        for key in ["id", "kind", "front", "back", "source", "line", "deck", "tags"] {
            #expect(mine.allSatisfy { $0[key] != nil }, "\(key)")
        }
        #expect(cards.contains { $0["kind"] as? String == "glossary" })

        let tsv = try CLI.run(["cards", "--source", work + "/site", "--format", "tsv", "--deck", "tag"])
        #expect(tsv.stdout.hasPrefix("#separator:tab\n#html:true\n"))
        #expect(tsv.stdout.contains("네임스페이스\t클러스터 안의 오브젝트를 나누는 이름 공간\tcontent/notes/terms.md:5\t기초\t기초\t"))

        let package = work + "/덱.apkg"
        let apkg = try CLI.run(["cards", "--source", work + "/site", "--format", "apkg", "--output", package])
        #expect(apkg.status == 0 && apkg.stdout.isEmpty, "\(apkg.stderr)")
        #expect(FileManager.default.contents(atPath: package)?.prefix(2) == Data([0x50, 0x4B]))

        let wrong = try CLI.run(["cards", "--source", work + "/site", "--deck", "color"])
        #expect(wrong.status != 0 && wrong.stderr.contains("--deck must be one of"))
    }

    /// A session graded from standard input keeps its schedule beside the notes, and the next
    /// session starts from it.
    @Test func studyKeepsItsScheduleBesideTheNotes() throws {
        let work = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let first = try CLI.run(["study", "--source", work + "/site", "--new", "2", "--now", "1700000000"], input: "\n3\n\n1\n\nq\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("복습할 카드 0장, 새 카드 2장"))
        #expect(first.stdout.contains("다음 복습: 3일 뒤"))
        #expect(first.stdout.contains("다음 복습: 10분 뒤"))
        #expect(first.stdout.contains("카드 2장을 복습했습니다"))
        let file = try #require(FileManager.default.contents(atPath: work + "/site/.gongbu-study.json"))
        let schedule = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
        #expect((schedule["cards"] as? [String: Any])?.count == 2)
        // An hour later, the card graded again is due; the other is not.
        let later = try CLI.run(["study", "--source", work + "/site", "--new", "0", "--now", "1700003600"], input: "q\n")
        #expect(later.stdout.contains("복습할 카드 1장, 새 카드 0장"), "\(later.stdout)")
        // A schedule file gongbu cannot read is left alone and named, with exit code 2.
        let schedulePath = work + "/site/.gongbu-study.json"
        try "{ 깨진 파일".write(toFile: schedulePath, atomically: true, encoding: .utf8)
        let broken = try CLI.run(["study", "--source", work + "/site"], input: "q\n")
        #expect(broken.status == 2)
        #expect(
            broken.stderr.contains("error: \(schedulePath) is not a gongbu study schedule; move it away to start a new one"),
            "\(broken.stderr)")
        #expect(try String(contentsOfFile: schedulePath, encoding: .utf8) == "{ 깨진 파일")
        // The schedule is never a note.
        let build = try CLI.run(["build", "--source", work + "/site", "--output", work + "/out", "--quiet"])
        #expect(build.status == 0 && !FileManager.default.fileExists(atPath: work + "/out/.gongbu-study"))
    }
}
