import Foundation
import GongbuCore
import GongbuTestSupport
import Testing

@testable import Site

@Suite("Theme")
struct ThemeTests {
    static let repositoryRoot = TestPaths.repositoryRoot

    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        let fs = LocalFileSystem()
        let folder = Self.repositoryRoot + "/templates"
        for (name, text) in DefaultTheme.templates {
            let onDisk = String(decoding: try fs.readFile(at: "\(folder)/\(name).mustache"), as: UTF8.self)
            #expect(onDisk == text, "templates/\(name).mustache differs from the embedded copy: run python3 scripts/embed-theme.py")
        }
        let names = try fs.contentsOfDirectory(at: folder).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) }
        #expect(Set(names) == Set(DefaultTheme.templates.keys), "run python3 scripts/embed-theme.py")
        let assetNames = try fs.contentsOfDirectory(at: folder + "/assets")
        #expect(Set(assetNames) == Set(DefaultTheme.assets.keys), "run python3 scripts/embed-theme.py")
        for (name, text) in DefaultTheme.assets {
            #expect(String(decoding: try fs.readFile(at: "\(folder)/assets/\(name)"), as: UTF8.self) == text)
        }
    }

    @Test func builtInThemeHasEveryRequiredTemplate() {
        let theme = Theme.builtIn
        for name in Theme.requiredTemplates {
            #expect(theme.library.getTemplate(named: name) != nil, "missing \(name)")
        }
    }

    @Test func userTemplatesOverrideAndErrorsPointAtTheLine() {
        let fs = InMemoryFileSystem(files: [
            "/s/templates/note.mustache": "<p>{{note.title}}</p>",
            "/s/templates/tag.mustache": "line one\n{{#open}}\n",
            "/s/templates/assets/extra.css": "body{}",
        ])
        let (theme, diagnostics) = Theme.load(fileSystem: fs, templatesFolder: "/s/templates", displayFolder: "templates")
        #expect(theme.library.render(["note": ["title": "<b>"]], withTemplate: "note") == "<p>&lt;b&gt;</p>")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.file == "templates/tag.mustache")
        #expect(diagnostics[0].message == "template syntax: a section {{#…}} is never closed")
        #expect(
            theme.assets["extra.css"] == .file(absolutePath: "/s/templates/assets/extra.css", displayPath: "templates/assets/extra.css"))
        #expect(theme.library.getTemplate(named: "tag") != nil)
    }
}
