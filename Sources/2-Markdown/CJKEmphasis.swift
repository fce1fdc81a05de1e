import CCmark

/// Emphasis that Korean (and Chinese and Japanese) authors mean but CommonMark's flanking
/// rules refuse: `**규약(contract)**을`, `**파드**를` after a parenthesis, `*「強調」*の`.
///
/// The CJK-friendly amendments to CommonMark (the markdown-cjk-friendly specification) change
/// the flanking rules so that a delimiter run next to a CJK character may open or close even
/// when punctuation is on its other side. libcmark applies the original rules, so this pass
/// runs afterwards on the delimiters it left as text, in each run of inline content, with the
/// amended rules. It pairs only delimiters whose flanking the amendment changed (at least one
/// of the two), so text without CJK characters renders exactly as CommonMark says.
enum CJKEmphasis {
    struct Run {
        var node: MarkdownNode
        var character: UInt8
        /// Delimiters left in the run.
        var count: Int
        let originalCount: Int
        let canOpen: Bool
        let canClose: Bool
        /// Whether the amended rules let it open or close where the original ones did not.
        let changed: Bool
    }

    static func apply(in container: MarkdownNode) {
        guard
            container.children.contains(where: {
                $0.kind == .text
                    && ($0.literal ?? "").utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") })
            })
        else { return }
        var runs = delimiterRuns(in: container)
        guard runs.contains(where: \.changed) else { return }
        match(&runs)
    }

    /// The `*` and `_` runs of a container (a backslash-escaped one is text: cmark already kept
    /// it as a node of its own), with their opening and closing under both rules.
    static func delimiterRuns(in container: MarkdownNode) -> [Run] {
        GFMInlines.delimiterRuns(in: container, of: [UInt8(ascii: "*"), UInt8(ascii: "_")]).map { run in
            let original = flanking(before: run.before, after: run.after, amended: false)
            let amended = flanking(before: run.before, after: run.after, amended: true)
            let (openOriginal, closeOriginal) = openClose(run.character, original, before: run.before, after: run.after)
            let (open, close) = openClose(run.character, amended, before: run.before, after: run.after)
            return Run(
                node: run.node, character: run.character, count: run.count, originalCount: run.count, canOpen: open, canClose: close,
                changed: open != openOriginal || close != closeOriginal)
        }
    }

    /// Can-open and can-close from the flanking of a run (`_` may not open or close inside a word).
    static func openClose(
        _ character: UInt8, _ flanking: (left: Bool, right: Bool), before: Unicode.Scalar?, after: Unicode.Scalar?
    )
        -> (Bool, Bool)
    {
        if character == UInt8(ascii: "*") { return flanking }
        let open = flanking.left && (!flanking.right || isPunctuation(before))
        let close = flanking.right && (!flanking.left || isPunctuation(after))
        return (open, close)
    }

    /// CommonMark's left- and right-flanking, or the CJK-friendly amended ones.
    static func flanking(before: Unicode.Scalar?, after: Unicode.Scalar?, amended: Bool) -> (left: Bool, right: Bool) {
        let beforeSpace = before.map { $0.properties.isWhitespace } ?? true
        let afterSpace = after.map { $0.properties.isWhitespace } ?? true
        if !amended {
            let left = !afterSpace && (!isPunctuation(after) || beforeSpace || isPunctuation(before))
            let right = !beforeSpace && (!isPunctuation(before) || afterSpace || isPunctuation(after))
            return (left, right)
        }
        let afterNonCJKPunctuation = isPunctuation(after) && !isCJK(after)
        let beforeNonCJKPunctuation = isPunctuation(before) && !isCJK(before)
        let left = !afterSpace && (!afterNonCJKPunctuation || beforeSpace || beforeNonCJKPunctuation || isCJK(before))
        let right = !beforeSpace && (!beforeNonCJKPunctuation || afterSpace || afterNonCJKPunctuation || isCJK(after))
        return (left, right)
    }

    /// ASCII punctuation and Unicode's punctuation categories (as libcmark 0.30 counts them).
    static func isPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII {
            let value = scalar.value
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value)
                || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// A CJK character: Hangul, or a wide, fullwidth or halfwidth character of the CJK blocks
    /// (East Asian Width W, F or H), emoji excluded.
    static func isCJK(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value, value >= 0x1100 else { return false }
        switch value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x2FF0...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7AF, 0xD7B0...0xD7FF, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
            0xFF61...0xFFDC, 0xFFE0...0xFFE6, 0x1B000...0x1B2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// CommonMark's delimiter algorithm over the runs: each closer takes the nearest opener of
    /// its character that the rule of three allows, strong for two delimiters on both sides,
    /// emphasis for one; only pairs the amendment made possible are formed.
    static func match(_ runs: inout [Run]) {
        var closerIndex = 0
        while closerIndex < runs.count {
            let closer = runs[closerIndex]
            guard closer.canClose, closer.count > 0 else {
                closerIndex += 1
                continue
            }
            var openerIndex: Int?
            var candidate = closerIndex - 1
            while candidate >= 0 {
                let opener = runs[candidate]
                if opener.character == closer.character, opener.canOpen, opener.count > 0, opener.changed || closer.changed {
                    let bothWays = (opener.canOpen && opener.canClose) || (closer.canOpen && closer.canClose)
                    let sum = opener.originalCount + closer.originalCount
                    let allowed = !bothWays || sum % 3 != 0 || (opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0)
                    if allowed {
                        openerIndex = candidate
                        break
                    }
                }
                candidate -= 1
            }
            guard let openerIndex else {
                closerIndex += 1
                continue
            }
            let used = runs[openerIndex].count >= 2 && runs[closerIndex].count >= 2 ? 2 : 1
            let wrapper = MarkdownNode(cmark_node_new(used == 2 ? CMARK_NODE_STRONG : CMARK_NODE_EMPH), owner: nil)
            let openerNode = runs[openerIndex].node
            let closerNode = runs[closerIndex].node
            openerNode.insertAfter(wrapper)
            var node = wrapper.next
            while let current = node, current != closerNode {
                node = current.next
                current.unlink()
                wrapper.appendChild(current)
            }
            runs[openerIndex].count -= used
            runs[closerIndex].count -= used
            // Runs between the two are inside the new node now; they no longer pair outside it.
            for index in (openerIndex + 1)..<closerIndex { runs[index].count = 0 }
            for index in [openerIndex, closerIndex] {
                let remaining = runs[index].count
                if remaining == 0 {
                    runs[index].node.remove()
                } else {
                    runs[index].node.literal = String(repeating: Character(Unicode.Scalar(runs[index].character)), count: remaining)
                }
            }
            if runs[closerIndex].count == 0 { closerIndex += 1 }
        }
    }
}
