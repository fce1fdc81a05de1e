import Content
import GongbuCore

/// The sitemap and the Atom feed, written directly (their structure is fixed; every value is XML-escaped).
enum Feeds {
    static let feedSize = 20

    static func sitemap(_ model: SiteModel, urls: SiteURLs) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        func add(_ location: PageLocation, lastModified: NoteDate? = nil) {
            xml += "  <url><loc>\(Escape.xml(urls.absolute(location)))</loc>"
            if let lastModified { xml += "<lastmod>\(lastModified.rfc3339)</lastmod>" }
            xml += "</url>\n"
        }
        add(.home)
        for note in model.notes { add(.note(slug: note.slug), lastModified: note.lastModified ?? note.date) }
        add(.tagIndex)
        for group in model.tags { add(.tag(slug: group.tag.slug)) }
        if !model.glossary.concepts.isEmpty {
            add(urls.conceptIndex)
            for concept in model.glossary.concepts { add(urls.concept(concept.id)) }
        }
        xml += "</urlset>\n"
        return xml
    }

    /// The newest dated notes, with full content (relative links resolve through `xml:base`).
    static func atom(_ model: SiteModel, urls: SiteURLs) -> String {
        let dated = model.notes.filter { $0.date != nil }.prefix(feedSize)
        let updated = dated.map { ($0.lastModified ?? $0.date!) }.max()?.rfc3339 ?? "1970-01-01T00:00:00Z"
        let config = model.config
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))">
              <title>\(Escape.xml(config.title))</title>

            """
        if let description = config.description { xml += "  <subtitle>\(Escape.xml(description))</subtitle>\n" }
        xml += """
              <link href="\(Escape.xml(urls.absolute(.home)))"/>
              <link rel="self" type="application/atom+xml" href="\(Escape.xml(urls.absolute(.file("atom.xml"))))"/>
              <id>\(Escape.xml(urls.absolute(.home)))</id>
              <updated>\(updated)</updated>
              <author><name>\(Escape.xml(config.author ?? config.title))</name></author>
              <generator>gongbu</generator>

            """
        for note in dated {
            let url = urls.absolute(.note(slug: note.slug))
            xml += """
                  <entry>
                    <title>\(Escape.xml(note.title))</title>
                    <link href="\(Escape.xml(url))"/>
                    <id>\(Escape.xml(url))</id>
                    <published>\(note.date!.rfc3339)</published>
                    <updated>\((note.lastModified ?? note.date!).rfc3339)</updated>

                """
            if let summary = note.summary { xml += "    <summary>\(Escape.xml(summary))</summary>\n" }
            xml += "    <content type=\"html\" xml:base=\"\(Escape.xml(url))\">\(Escape.xml(note.bodyHTML))</content>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
