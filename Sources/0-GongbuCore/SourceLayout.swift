/// The names of a gongbu source folder and its output, in one place.
///
/// ```
/// site/
///   gongbu.yml          optional settings
///   content/            notes (any depth); content/glossary/<id>.md are concept entries
///   templates/          optional theme overrides
///   public/             the default output folder
/// ```
/// A folder without `content/` is read as a plain folder of notes.
public enum SourceLayout {
    /// The notes folder under the source root.
    public static let contentFolder = "content"
    /// Concept entries, under the notes folder.
    public static let glossaryFolder = "glossary"
    /// Theme overrides under the source root.
    public static let templatesFolder = "templates"
    /// The site settings file at the source root.
    public static let configFile = "gongbu.yml"
    /// The default output folder under the source root.
    public static let defaultOutputFolder = "public"
    /// File endings read as notes.
    public static let markdownExtensions: Set<String> = ["md", "markdown"]
    /// File endings `gongbu validate` reads as manifests.
    public static let yamlExtensions: Set<String> = ["yaml", "yml"]
    /// Files served from the site's root in Hugo and Docusaurus sites (`static/img/a.png` is `/img/a.png`).
    public static let staticFolder = "static"
    /// The file that marks a folder as a site gongbu built (and may replace).
    public static let outputMarker = ".gongbu-output"

    /// Whether a file name ends in a Markdown extension (case-sensitive, as the loader has always been).
    public static func isMarkdown(_ path: String) -> Bool {
        markdownExtensions.contains(Path.fileExtension(path))
    }
}
