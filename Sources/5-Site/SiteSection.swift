import Analysis
import Content
import Foundation
import GongbuCore

/// A folder of notes: its own page (the folder's README, index or _index note when it has
/// one), the notes in it and its subfolders, in the order a reader should take them.
public struct SiteSection: Sendable, Hashable {
    /// The folder's site path (`k8s-basic/section-04`); "" for the top of the site.
    public var path: String
    public var title: String
    /// The note that is the folder's page, by index into `SiteModel.notes`.
    public var page: Int?
    /// The folder's notes (its page left out), by index into `SiteModel.notes`, in order.
    public var notes: [Int]
    /// Its subfolders, by index into `SiteModel.sections`, in order.
    public var sections: [Int]
    /// The folder it is in, by index into `SiteModel.sections`; nil for the top.
    public var parent: Int?

    /// Front matter keys that order a folder's pages (Hugo, Docusaurus, Jekyll's just-the-docs).
    static let weightKeys: Set<String> = ["weight", "sidebar_position", "nav_order", "order"]

    /// The sections of a site, the top ("") first and the rest by path: every folder that
    /// holds notes, directly or below. Linear in the number of notes (times their depth).
    /// `folders` gives folders' own labels and positions (Docusaurus' `_category_.json`).
    static func tree(_ notes: [NotePage], folders: [String: FolderInfo] = [:]) -> [SiteSection] {
        var paths = Set<String>([""])
        for note in notes {
            var folder = parent(of: note.slug)
            while !paths.contains(folder) {
                paths.insert(folder)
                folder = parent(of: folder)
            }
        }
        var ordered = paths.sorted()
        ordered.removeAll { $0.isEmpty }
        ordered.insert("", at: 0)
        let indexByPath = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        var sections = ordered.map { path in
            SiteSection(
                path: path, title: path.split(separator: "/").last.map(String.init) ?? "", page: nil, notes: [], sections: [], parent: nil)
        }
        for (index, section) in sections.enumerated() where !section.path.isEmpty {
            let parentIndex = indexByPath[parent(of: section.path)]!
            sections[index].parent = parentIndex
            sections[parentIndex].sections.append(index)
        }
        for (index, note) in notes.enumerated() {
            if let own = indexByPath[note.slug], !note.slug.isEmpty {
                sections[own].page = index
                sections[own].title = pageTitle(of: note, folders: folders)
            } else if let folder = indexByPath[parent(of: note.slug)] {
                sections[folder].notes.append(index)
            }
        }
        for index in sections.indices {
            if sections[index].page == nil, let title = folders[sections[index].path]?.title { sections[index].title = title }
        }
        for index in sections.indices { order(&sections[index], sections: sections, notes: notes, folders: folders) }
        return sections
    }

    /// A folder's title when `note` is its page: the folder's own label, else the note's title.
    static func pageTitle(of note: NotePage, folders: [String: FolderInfo]) -> String {
        folders[note.slug]?.title ?? note.title
    }

    static func parent(of path: String) -> String {
        let parent = Path.parent(of: path)
        return parent == "." ? "" : parent
    }

    /// One entry of a folder's list: a note or a subfolder.
    enum Entry: Hashable {
        case note(Int)
        case section(Int)
    }

    /// Orders a folder's notes and subfolders: by `weight` first; then, when most names start
    /// with a number (`01-intro`, `section-04`, `2.Deployment`), by those numbers as a course
    /// reads; else newest first when the notes are dated; else by title.
    static func order(_ section: inout SiteSection, sections: [SiteSection], notes: [NotePage], folders: [String: FolderInfo] = [:]) {
        func name(_ entry: Entry) -> String {
            switch entry {
            case .note(let index): lastSegment(notes[index].slug)
            case .section(let index): lastSegment(sections[index].path)
            }
        }
        // The entry's page note, by index: a note page is a large value, not copied here.
        func page(_ entry: Entry) -> Int? {
            switch entry {
            case .note(let index): index
            case .section(let index): sections[index].page
            }
        }
        func weight(_ entry: Entry) -> Double? {
            if case .section(let index) = entry, let position = folders[sections[index].path]?.position { return position }
            guard let page = page(entry) else { return nil }
            for entry in notes[page].params where weightKeys.contains(entry.key) {
                if case .int(let value) = entry.value { return Double(value) }
                if case .double(let value) = entry.value { return value }
            }
            return nil
        }
        let entries = section.notes.map(Entry.note) + section.sections.map(Entry.section)
        guard entries.count > 1 else {
            section.order = entries
            return
        }
        // Each entry's sort keys, worked out once (a large folder sorts thousands of entries).
        struct Key {
            var entry: Entry
            var weight: Double
            var name: String
            /// The name with each run of digits padded, so plain comparison reads numbers as numbers.
            var numberedName: String
            var title: String
            var date: NoteDate?
        }
        var keys = entries.map { entry in
            let name = name(entry)
            return Key(
                entry: entry, weight: weight(entry) ?? .infinity, name: name, numberedName: "",
                title: page(entry).map { notes[$0].title } ?? name,
                date: { if case .note(let index) = entry { notes[index].date } else { nil } }())
        }
        let numbered = keys.filter { $0.name.contains { $0.isNumber } }.count * 2 >= keys.count
        if numbered { for index in keys.indices { keys[index].numberedName = numberedKey(keys[index].name) } }
        let dated = section.notes.allSatisfy { notes[$0].date != nil }
        let sorted = keys.sorted { a, b in
            if a.weight != b.weight { return a.weight < b.weight }
            if numbered {
                if a.numberedName != b.numberedName { return a.numberedName < b.numberedName }
            } else if dated, let dx = a.date, let dy = b.date, dx != dy {
                return dx > dy
            }
            return a.title != b.title ? a.title < b.title : a.name < b.name
        }.map(\.entry)
        section.notes = sorted.compactMap { if case .note(let index) = $0 { index } else { nil } }
        section.sections = sorted.compactMap { if case .section(let index) = $0 { index } else { nil } }
        section.order = sorted
    }

    /// `Section-2` → `section-00000000000000000002`: lower-cased, runs of ASCII digits padded
    /// to 20. Worked on the UTF-8 bytes (a folder of thousands of notes sorts by it).
    static func numberedKey(_ name: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count + 20)
        var digits = 0
        func flush() {
            guard digits > 0 else { return }
            let run = key.suffix(digits)
            key.removeLast(digits)
            if digits < 20 { key.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 20 - digits)) }
            key.append(contentsOf: run)
            digits = 0
        }
        for byte in name.lowercased().utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                key.append(byte)
                digits += 1
            } else {
                flush()
                key.append(byte)
            }
        }
        flush()
        return String(decoding: key, as: UTF8.self)
    }

    /// The last `/`-separated segment of a path (`notes/pods` → `pods`).
    static func lastSegment(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Notes and subfolders interleaved, in reading order (set by `order`).
    var order: [Entry] = []
}
