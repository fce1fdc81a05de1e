import Content
import Glossary

/// A glossary for tests from concept ids and the YAML of their front matter.
enum GlossaryEntries {
    static func load(_ entries: [(id: String, yaml: String)]) -> Glossary {
        let documents = entries.map { id, yaml in
            SourceDocument(
                path: "content/glossary/\(id).md", contentPath: "glossary/\(id).md",
                frontMatter: try! YAMLReader.read(yaml), frontMatterLineOffset: 1, body: "설명", bodyStartLine: 6)
        }
        return Glossary.load(documents).0
    }
}
