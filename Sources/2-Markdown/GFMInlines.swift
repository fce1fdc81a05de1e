import CCmark
import Foundation
import GongbuCore
import Korean

/// GitHub's inline extensions over cmark's inline tree, run on each run of inline content:
/// strikethrough, extended autolinks, and CJK-friendly emphasis (`CJKEmphasis`); and, for
/// notes, Obsidian's `==highlights==`.
///
/// Each works on the children of one container (a paragraph, heading, table cell, emphasis,
/// link …), so what it wraps is always a run of siblings, never a piece of cmark's own
/// structure; code, raw HTML and link text (for autolinks) are never looked into.
enum GFMInlines {
    static func apply(to root: MarkdownNode, enabled: MarkdownExtensions) {
        if enabled.contains(.strikethrough) || enabled.contains(.highlights) {
            for container in containers(under: root) where container.firstChild != nil {
                if enabled.contains(.strikethrough) { strikethrough(in: container) }
                if enabled.contains(.highlights) { highlights(in: container) }
            }
        }
        guard enabled.contains(.autolinks) || enabled.contains(.cjkEmphasis) else { return }
        // Again: strikethrough made new containers (`~~www.example.com~~`).
        for container in containers(under: root) where container.firstChild != nil {
            if enabled.contains(.autolinks), !isInsideLink(container) { autolinks(in: container) }
            if enabled.contains(.cjkEmphasis) { CJKEmphasis.apply(in: container) }
        }
    }

    /// Every node whose children are inline content.
    static func containers(under root: MarkdownNode) -> [MarkdownNode] {
        var containers: [MarkdownNode] = []
        for (node, event) in MarkdownWalk(root: root) where event == .enter {
            switch node.kind {
            case .paragraph, .heading, .emphasis, .strong, .link, .image, .customInline:
                containers.append(node)
            case .customBlock where node.firstChild.map { !$0.kind.isBlock } ?? false:
                containers.append(node)
            default:
                continue
            }
        }
        return containers
    }

    static func isInsideLink(_ node: MarkdownNode) -> Bool {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.kind == .link || candidate.kind == .image { return true }
            if candidate.isCustomLink { return true }
            current = candidate.parent
        }
        return false
    }

    // MARK: Characters around delimiters

    /// The character just before a child's text: the end of the previous sibling's text, a
    /// space for a line break, nil at the container's start; for other inline nodes, the
    /// character their source ends with (a backtick for code, an asterisk for emphasis, `)`
    /// for a link, `>` for raw HTML).
    static func scalarBefore(_ node: MarkdownNode) -> Unicode.Scalar? {
        guard let previous = node.previous else { return nil }
        switch previous.kind {
        case .text: return (previous.literal ?? "").unicodeScalars.last
        case .softBreak, .lineBreak: return " "
        case .code: return "`"
        case .emphasis, .strong: return "*"
        case .link, .image: return ")"
        case .htmlInline: return ">"
        default: return "a"
        }
    }

    /// The character just after a child's text, read the same way (`[` for a link).
    static func scalarAfter(_ node: MarkdownNode) -> Unicode.Scalar? {
        guard let next = node.next else { return nil }
        switch next.kind {
        case .text: return (next.literal ?? "").unicodeScalars.first
        case .softBreak, .lineBreak: return " "
        case .code: return "`"
        case .emphasis, .strong: return "*"
        case .link: return "["
        case .image: return "!"
        case .htmlInline: return "<"
        default: return "a"
        }
    }

    /// CommonMark's flanking rules for a delimiter run between `before` and `after`, with
    /// libcmark's punctuation (`CJKEmphasis` holds the one definition, and the amended rules).
    static func flanking(before: Unicode.Scalar?, after: Unicode.Scalar?) -> (left: Bool, right: Bool) {
        CJKEmphasis.flanking(before: before, after: after, amended: false)
    }

    /// A run of one delimiter character in a container's text, split into a text node of its own.
    struct DelimiterRun {
        var node: MarkdownNode
        var character: UInt8
        var count: Int
        /// The characters around it (`scalarBefore`, `scalarAfter`).
        var before: Unicode.Scalar?
        var after: Unicode.Scalar?
    }

    /// Every run of the `characters` in the container's text nodes, in order, each made a text
    /// node of its own (for strikethrough's `~` and emphasis' `*` and `_`).
    static func delimiterRuns(in container: MarkdownNode, of characters: Set<UInt8>) -> [DelimiterRun] {
        var runs: [DelimiterRun] = []
        for child in container.children where child.kind == .text {
            var node = child
            while true {
                let text = Array((node.literal ?? "").utf8)
                guard let start = text.firstIndex(where: characters.contains) else { break }
                var end = start
                while end < text.count, text[end] == text[start] { end += 1 }
                let run = isolate(node, text: text, range: start..<end)
                runs.append(
                    DelimiterRun(node: run, character: text[start], count: end - start, before: scalarBefore(run), after: scalarAfter(run)))
                guard let next = run.next, next.kind == .text, end < text.count else { break }
                node = next
            }
        }
        return runs
    }

    /// Splits a text node so that `range` (byte offsets) is a text node of its own; returns it.
    static func isolate(_ node: MarkdownNode, text: [UInt8], range: Range<Int>) -> MarkdownNode {
        if range.upperBound < text.count {
            node.insertAfter(MarkdownNode.text(String(decoding: text[range.upperBound...], as: UTF8.self)))
        }
        if range.lowerBound > 0 {
            node.insertBefore(MarkdownNode.text(String(decoding: text[..<range.lowerBound], as: UTF8.self)))
        }
        node.literal = String(decoding: text[range], as: UTF8.self)
        return node
    }

    /// Moves the siblings strictly between `opener` and `closer` into `wrapper`, puts it in their
    /// place and removes the two delimiters.
    static func wrap(from opener: MarkdownNode, to closer: MarkdownNode, in wrapper: MarkdownNode) {
        var node = opener.next
        opener.insertBefore(wrapper)
        while let current = node, current != closer {
            node = current.next
            current.unlink()
            wrapper.appendChild(current)
        }
        opener.remove()
        closer.remove()
    }

    // MARK: Strikethrough

    struct Delimiter {
        var node: MarkdownNode
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// `~~삭제~~` and `~삭제~`: runs of one or two tildes that open and close by the flanking
    /// rules and have the same length become `<del>`.
    static func strikethrough(in container: MarkdownNode) {
        guard container.children.contains(where: { $0.kind == .text && ($0.literal ?? "").utf8.contains(UInt8(ascii: "~")) }) else {
            return
        }
        var delimiters: [Delimiter] = []
        for run in delimiterRuns(in: container, of: [UInt8(ascii: "~")]) where run.count <= 2 {
            let (left, right) = flanking(before: run.before, after: run.after)
            delimiters.append(Delimiter(node: run.node, length: run.count, canOpen: left, canClose: right))
        }
        var openers: [Delimiter] = []
        for delimiter in delimiters {
            if delimiter.canClose, let index = openers.lastIndex(where: { $0.length == delimiter.length }) {
                wrap(from: openers[index].node, to: delimiter.node, in: MarkdownNode.customInline(onEnter: "<del>", onExit: "</del>"))
                openers.removeSubrange(index...)
            } else if delimiter.canOpen {
                openers.append(delimiter)
            }
        }
    }

    /// `==강조==`: runs of exactly two equals signs that open and close by the flanking rules
    /// become `<mark>` (so `a == b`, with spaces on both sides, stays text).
    static func highlights(in container: MarkdownNode) {
        // Byte search: Foundation's `contains` on strings goes through NSString and showed up in profiles.
        guard container.children.contains(where: { $0.kind == .text && ByteSearch.contains($0.literal ?? "", "==") }) else { return }
        var opener: MarkdownNode?
        // Not between two ASCII letters or digits either: `a==b` in prose about code is a comparison.
        func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar, scalar.isASCII else { return false }
            return CharacterSet.alphanumerics.contains(scalar)
        }
        for run in delimiterRuns(in: container, of: [UInt8(ascii: "=")]) where run.count == 2 {
            var (left, right) = flanking(before: run.before, after: run.after)
            left = left && !isWordCharacter(run.before)
            right = right && !isWordCharacter(run.after)
            if right, let open = opener {
                wrap(from: open, to: run.node, in: MarkdownNode.customInline(onEnter: "<mark>", onExit: "</mark>"))
                opener = nil
            } else if left {
                opener = run.node
            }
        }
    }

    // MARK: Autolinks

    /// Bare `https://…`, `http://…`, `www.…` and e-mail addresses become links, as GitHub makes
    /// them; Korean text glued after a URL (`…/usage.yaml입니다`) is not part of it.
    static func autolinks(in container: MarkdownNode) {
        for child in container.children where child.kind == .text {
            var node = child
            while let found = nextAutolink(in: node) {
                let text = Array((node.literal ?? "").utf8)
                let linkText = isolate(node, text: text, range: found.range)
                let link = MarkdownNode.link(url: found.url)
                linkText.insertBefore(link)
                linkText.unlink()
                link.appendChild(linkText)
                guard let after = link.next, after.kind == .text else { break }
                node = after
            }
        }
    }

    /// Whether bytes hold `://`, `www.` (any case) or `@`: most text nodes hold none.
    static func mayHoldAutolink(_ text: [UInt8]) -> Bool {
        var index = 0
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: ":")
            where index + 2 < text.count && text[index + 1] == UInt8(ascii: "/") && text[index + 2] == UInt8(ascii: "/"):
                return true
            case UInt8(ascii: "."):
                if index >= 3, text[(index - 3)..<index].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }) { return true }
            default: break
            }
            index += 1
        }
        return false
    }

    static func nextAutolink(in node: MarkdownNode) -> (range: Range<Int>, url: String)? {
        let text = Array((node.literal ?? "").utf8)
        guard text.count >= 4, mayHoldAutolink(text) else { return nil }
        var index = 0
        while index < text.count {
            let byte = text[index]
            if "whfWHF".utf8.contains(byte), index + 3 < text.count,
                text[index + 3] == UInt8(ascii: ":") || text[index + 3] == UInt8(ascii: ".")
                    || text[index + 3] | 0x20 == UInt8(ascii: "p")
            {
                if let url = urlAutolink(text, at: index, before: index == 0 ? scalarBefore(node) : nil) { return url }
            } else if byte == UInt8(ascii: "@") {
                if let email = emailAutolink(text, at: index) { return email }
            }
            index += 1
        }
        return nil
    }

    static func isBoundary(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "(")
    }

    static func urlAutolink(_ text: [UInt8], at start: Int, before: Unicode.Scalar?) -> (range: Range<Int>, url: String)? {
        let isWWW = text[start] == UInt8(ascii: "w") || text[start] == UInt8(ascii: "W")
        if start > 0 {
            let previous = text[start - 1]
            if isWWW {
                // `www.` after a blank or `*_~(`, or glued to Korean text (`사이트는www.…`).
                guard isBoundary(previous) || (previous >= 0x80 && isHangulEnd(text, before: start)) else { return nil }
            } else {
                // A scheme needs only not to be the end of a longer word (`xhttp://`).
                guard !(previous >= 0x41 && previous <= 0x5A) && !(previous >= 0x61 && previous <= 0x7A) else { return nil }
            }
        } else if let before {
            if isWWW {
                guard before.properties.isWhitespace || "*_~(".unicodeScalars.contains(before) else { return nil }
            } else if before.isASCII && before.properties.isAlphabetic {
                return nil
            }
        }
        let rest = text[start...]
        let lower = rest.prefix(8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var prefix: String
        var schemeLength = 0
        if lower.starts(with: "https://".utf8) {
            prefix = ""
            schemeLength = 8
        } else if lower.starts(with: "http://".utf8) {
            prefix = ""
            schemeLength = 7
        } else if lower.starts(with: "ftp://".utf8) {
            prefix = ""
            schemeLength = 6
        } else if lower.starts(with: "www.".utf8) {
            prefix = "http://"
        } else {
            return nil
        }
        var end = start
        while end < text.count, !(text[end] == 0x20 || text[end] == 0x09 || text[end] == 0x0A || text[end] == UInt8(ascii: "<")) {
            end += 1
        }
        end = trimmedURLEnd(text, start: start, end: end)
        // After a scheme the domain may be a single name (`http://localhost`), as on GitHub.
        guard isValidDomain(text, from: start + schemeLength, to: end, needsPeriod: schemeLength == 0) else { return nil }
        guard end > start + schemeLength else { return nil }
        let url = prefix + String(decoding: text[start..<end], as: UTF8.self)
        return (start..<end, url)
    }

    /// Whether the bytes before `index` end a Korean syllable (`…은https://`).
    static func isHangulEnd(_ text: [UInt8], before index: Int) -> Bool {
        var start = index - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = String(decoding: text[start..<index], as: UTF8.self).unicodeScalars.first else { return false }
        return isHangul(scalar)
    }

    static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value) || (0x3130...0x318F).contains(scalar.value)
    }

    /// The end of a URL once trailing punctuation, unbalanced closing parentheses, an entity
    /// reference (`&hl;`) and Korean text glued after it are left out.
    static func trimmedURLEnd(_ text: [UInt8], start: Int, end: Int) -> Int {
        var end = end
        // Korean glued to the URL: cut before the first Hangul that follows an ASCII letter,
        // digit or closing punctuation (a path segment of Hangul, `/wiki/쿠버네티스`, stays).
        var index = start
        while index < end {
            if text[index] >= 0xC0 {
                var next = index + 1
                while next < end, text[next] & 0xC0 == 0x80 { next += 1 }
                if let scalar = String(decoding: text[index..<next], as: UTF8.self).unicodeScalars.first, isHangul(scalar), index > start {
                    let previous = text[index - 1]
                    let joinsPath = "/=?#&-_%+".utf8.contains(previous) || previous >= 0x80
                    // After a separator, Hangul is a path segment (`/wiki/쿠버네티스`) unless
                    // all of it is particles (`…/docs/을`).
                    var run = index
                    while run < end, text[run] >= 0x80 { run += 1 }
                    let particles =
                        text[run..<end].allSatisfy { "?!.,:;*_~'\")".utf8.contains($0) }
                        && Particles.isParticlesAfterLatin(String(decoding: text[index..<run], as: UTF8.self))
                    if !joinsPath || (previous < 0x80 && particles) {
                        end = index
                        break
                    }
                }
                index = next
                continue
            }
            index += 1
        }
        while end > start {
            let last = text[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let slice = text[start..<end]
                let opens = slice.filter { $0 == UInt8(ascii: "(") }.count
                let closes = slice.filter { $0 == UInt8(ascii: ")") }.count
                if closes > opens { end -= 1 } else { break }
            } else if last == UInt8(ascii: ";") {
                var ampersand = end - 2
                while ampersand > start, text[ampersand].isASCIIAlphanumeric { ampersand -= 1 }
                if ampersand >= start, text[ampersand] == UInt8(ascii: "&"), ampersand < end - 2 { end = ampersand } else { break }
            } else {
                break
            }
        }
        return end
    }

    /// GFM's valid domain: segments of letters, digits, `_` and `-` separated by periods, at
    /// least one period, no underscore in the last two segments.
    static func isValidDomain(_ text: [UInt8], from start: Int, to end: Int, needsPeriod: Bool) -> Bool {
        var domainEnd = start
        while domainEnd < end, !"/?#:".utf8.contains(text[domainEnd]) { domainEnd += 1 }
        let domain = text[start..<domainEnd]
        guard !domain.isEmpty else { return false }
        let segments = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count >= (needsPeriod ? 2 : 1), segments.dropLast().allSatisfy({ !$0.isEmpty }) else { return false }
        for segment in segments {
            guard segment.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 >= 0x80 })
            else { return false }
        }
        for segment in segments.suffix(2) where segment.contains(UInt8(ascii: "_")) { return false }
        return true
    }

    static func emailAutolink(_ text: [UInt8], at at: Int) -> (range: Range<Int>, url: String)? {
        var start = at
        while start > 0 {
            let byte = text[start - 1]
            guard byte.isASCIIAlphanumeric || ".-_+".utf8.contains(byte) else { break }
            start -= 1
        }
        guard start < at else { return nil }
        // Inside `<…>` it is CommonMark's own autolink or not a link at all.
        if start > 0, "/:<".utf8.contains(text[start - 1]) { return nil }
        var end = at + 1
        var periods = 0
        while end < text.count {
            let byte = text[end]
            if byte == UInt8(ascii: ".") {
                guard end + 1 < text.count,
                    text[end + 1].isASCIIAlphanumeric || text[end + 1] == UInt8(ascii: "-") || text[end + 1] == UInt8(ascii: "_")
                else { break }
                periods += 1
            } else if !(byte.isASCIIAlphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")) {
                break
            }
            end += 1
        }
        guard periods >= 1, end > at + 1 else { return nil }
        let last = text[end - 1]
        guard last != UInt8(ascii: "-"), last != UInt8(ascii: "_") else { return nil }
        let address = String(decoding: text[start..<end], as: UTF8.self)
        return (start..<end, "mailto:" + address)
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}

extension MarkdownNode {
    /// A new link node (insert it, or it leaks).
    static func link(url: String, title: String = "") -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_LINK), owner: nil)
        node.url = url
        node.title = title
        return node
    }
}
