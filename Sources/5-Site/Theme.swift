import GongbuCore
import Mustache

/// Where a theme file comes from.
public enum ThemeAsset: Sendable, Hashable {
    /// Compiled into the binary (the default theme).
    case embedded(String)
    /// A file under the site's templates/assets/, copied as is.
    case file(absolutePath: String, displayPath: String)
}

/// The templates and static assets pages are rendered with: the site's own templates/ where it
/// has them, the built-in default theme for the rest.
public struct Theme: Sendable {
    public var library: MustacheLibrary
    /// Each template's text as written (name → text), for `library(folding:)`.
    public var sources: [String: String] = [:]
    /// Output path under `assets/` → source.
    public var assets: [String: ThemeAsset]

    /// Escaping for `{{value}}` in every template: the same rules as Mustache's own HTML
    /// escaping, but on UTF-8 bytes with a fast path for text that needs none (several times
    /// faster on Korean pages). Selected by a pragma prepended to each template.
    struct FastHTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.html(text) }
    }

    static let contentTypeName = "GONGBU_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName)}}"
    private static let registration: Void = {
        MustacheContentTypes.register(FastHTMLContentType(), named: contentTypeName)
    }()

    /// Parses a template with the fast escaping selected.
    static func parse(_ text: String) throws -> MustacheTemplate {
        _ = registration
        return try MustacheTemplate(string: pragma + text)
    }

    /// The templates every site needs; a site may override any of them, or add partials.
    public static let requiredTemplates = ["layout", "note", "note-list", "index", "tags", "tag", "404"]

    /// The default theme alone.
    public static var builtIn: Theme {
        var library = MustacheLibrary()
        for (name, text) in DefaultTheme.templates {
            // The embedded templates are tested to parse; a failure here is a packaging bug.
            library.register(try! parse(text), named: name)
        }
        return Theme(library: library, sources: DefaultTheme.templates, assets: DefaultTheme.assets.mapValues { .embedded($0) })
    }

    /// Loads `templatesFolder` (absolute) over the default theme. Parse errors are reported at
    /// their template's line and column and the default template is used in their place, so
    /// the rest of the build still reports its own problems.
    public static func load(fileSystem: any FileSystem, templatesFolder: String, displayFolder: String) -> (Theme, [Diagnostic]) {
        var theme = builtIn
        var diagnostics: [Diagnostic] = []
        guard fileSystem.isDirectory(templatesFolder) else { return (theme, []) }
        var walker = FolderWalker(fileSystem: fileSystem, boundary: Path.parent(of: templatesFolder))
        let files = walker.files(under: templatesFolder).map { Path.relative($0.logicalPath, to: templatesFolder) }
        diagnostics += walker.diagnostics
        for relative in files {
            let absolute = Path.join(templatesFolder, relative)
            let display = Path.join(displayFolder, relative)
            if relative.hasPrefix("assets/") {
                theme.assets[String(relative.dropFirst("assets/".count))] = .file(absolutePath: absolute, displayPath: display)
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            let text: String
            do {
                text = try TextDecoding.decode(try fileSystem.readFile(at: absolute)).text
            } catch let error as TextDecodingError {
                diagnostics.append(
                    .error(
                        "invalid UTF-8 at byte offset \(error.byteOffset)",
                        at: SourceLocation(file: display, line: error.line, column: error.column), rule: "template"))
                continue
            } catch {
                diagnostics.append(.error("cannot read template: \(error)", at: SourceLocation(file: display), rule: "template"))
                continue
            }
            do {
                theme.library.register(try parse(text), named: name)
                theme.sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits before the first line: columns there shift by its length.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
                diagnostics.append(
                    .error(
                        "template syntax: \(describe(error.error))",
                        at: SourceLocation(file: display, line: line, column: column), rule: "template"))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(file: display), rule: "template"))
            }
        }
        return (theme, diagnostics)
    }

    /// The templates with `constants` written in (`TemplateFolding`): the same pages, fewer
    /// lookups. A template that cannot be folded, or does not parse once folded, is kept as
    /// it is; a partial included inside a section over front matter turns folding off.
    public func library(folding constants: [String: String]) -> MustacheLibrary {
        let escape = FastHTMLContentType().escapeText
        let results = sources.mapValues { TemplateFolding.fold($0, constants: constants, escape: escape) }
        guard !results.values.contains(where: \.partialInUserSection) else { return library }
        var folded = library
        for (name, result) in results {
            guard let text = result.text, text != sources[name], let template = try? Self.parse(text) else { continue }
            folded.register(template, named: name)
        }
        return folded
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the open section"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#…}} is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid pragma syntax"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
