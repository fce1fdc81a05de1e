import Foundation
import GongbuCore
import Korean

/// Text rules shared by the index, the CLI and the site's search script (which receives the
/// particle table through the index so both sides strip particles the same way).
public enum SearchText {
    /// NFC and lower case; the form every term is compared in.
    public static func normalize(_ text: String) -> String {
        TextDecoding.nfc(text).lowercased()
    }

    /// Initial consonants (ㄱ…ㅎ) that may be typed alone to search: the compatibility jamo.
    static let initials: [Character] = ["ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
    static let initialSet = Set(initials)

    /// The initials of a text's Hangul syllables (`디플로이먼트` → `ㄷㅍㄹㅇㅁㅌ`); other letters and
    /// spaces are dropped, so `롤링 업데이트` → `ㄹㄹㅇㄷㅇㅌ`.
    public static func choseong(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0xAC00 && value <= 0xD7A3 {
                result.append(initials[Int((value - 0xAC00) / 588)])
            } else if initialSet.contains(Character(scalar)) {
                result.append(Character(scalar))
            }
        }
        return result
    }

    /// True when a query is only initial consonants (and spaces): `ㅍㄷ`, `ㄷㅍ ㄹㅇ`.
    public static func isChoseongQuery(_ query: String) -> Bool {
        var sawInitial = false
        for character in query {
            if character == " " { continue }
            guard initialSet.contains(character) else { return false }
            sawInitial = true
        }
        return sawInitial
    }

    /// Light English stemming: plural endings only (pods → pod, ingresses → ingress,
    /// policies → policy). Applied to the index and to queries alike.
    public static func stemEnglish(_ word: String) -> String {
        let count = word.count
        if count > 4 && word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if count > 4 && word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if count > 3 && (word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("zes")) {
            return String(word.dropLast(2))
        }
        if count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }

    enum Script { case hangul, latin }

    /// Runs of Hangul and of Latin letters and digits (`pod은` → `pod`, `은`); everything else separates.
    static func runs(_ text: String) -> [(Script, String, gluedToPrevious: Bool)] {
        var result: [(Script, String, Bool)] = []
        var current = ""
        var script: Script?
        var glued = false
        var previousEnd = false
        func flush() {
            if let script, !current.isEmpty { result.append((script, current, glued)) }
            current = ""
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let next: Script?
            if (value >= 0xAC00 && value <= 0xD7A3) || (value >= 0x3131 && value <= 0x318E) {
                next = .hangul
            } else if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0xC0 && value <= 0x24F)
            {
                next = .latin
            } else {
                next = nil
            }
            if next != script {
                flush()
                glued = next != nil && previousEnd
                script = next
            }
            if next != nil { current.unicodeScalars.append(scalar) }
            previousEnd = next != nil
        }
        flush()
        return result
    }
}

/// A weighted term produced by the tokenizer.
public struct WeightedTerm: Sendable, Hashable {
    public var term: String
    public var weight: Double
}

/// Turns text into index terms, the same way for documents and queries.
///
/// - Korean words: the word as written, its stem with particles removed (파드를 → 파드), and
///   overlapping syllable bigrams of the stem for partial matches (weighted lower).
/// - Latin words: lower-cased and plural-stemmed; a Hangul particle glued to a Latin word
///   (Pod은) is dropped.
///
/// Works on UTF-8 bytes (every note's text goes through here when the index is built).
public enum Tokenizer {
    public static let bigramWeight = 0.3

    public static func terms(_ text: String) -> [WeightedTerm] {
        var terms: [WeightedTerm] = []
        each(text) { terms.append(WeightedTerm(term: $0, weight: $1)) }
        return terms
    }

    /// Calls `emit(term, weight)` for each term of the text, in order.
    public static func each(_ text: String, _ emit: (String, Double) -> Void) {
        var normalized = TextDecoding.nfc(text)
        normalized.withUTF8 { bytes in
            var index = 0
            var previousEnd = -1  // end of the previous run, to see glued runs
            var previousLatin = false
            let count = bytes.count
            while index < count {
                let (kind, length) = classify(bytes, index)
                guard kind != .other else {
                    index += length
                    continue
                }
                var end = index + length
                while end < count {
                    let (next, nextLength) = classify(bytes, end)
                    if next != kind { break }
                    end += nextLength
                }
                let glued = previousEnd == index
                if kind == .latin {
                    var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    if word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) || word.utf8.contains(where: { $0 >= 0x80 }) {
                        word = word.lowercased()
                    }
                    emit(SearchText.stemEnglish(word), 1)
                } else if !(glued && previousLatin && Particles.isParticleSequence(bytes, from: index, to: end, after: .unknown)) {
                    let stemEnd = Particles.stemEnd(bytes, start: index, end: end)
                    let stem = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<stemEnd]), as: UTF8.self)
                    emit(stem, 1)
                    if stemEnd != end { emit(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self), 0.5) }
                    // Bigrams of words of three or more syllables (each syllable is 3 bytes).
                    if stemEnd - index >= 9 {
                        var position = index
                        while position + 6 <= stemEnd {
                            emit(
                                "~" + String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + 6)]), as: UTF8.self),
                                bigramWeight)
                            position += 3
                        }
                    }
                }
                previousLatin = kind == .latin
                previousEnd = end
                index = end
            }
        }
    }

    enum Kind { case hangul, latin, other }

    /// The kind of the character at `index` and its length in bytes.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Kind, Int) {
        let lead = bytes[index]
        if lead < 0x80 {
            let isLatin = (lead >= 0x61 && lead <= 0x7A) || (lead >= 0x41 && lead <= 0x5A) || (lead >= 0x30 && lead <= 0x39)
            return (isLatin ? .latin : .other, 1)
        }
        if lead & 0xE0 == 0xC0 {
            guard index + 1 < bytes.count else { return (.other, 1) }
            let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            return ((value >= 0xC0 && value <= 0x24F) ? .latin : .other, 2)
        }
        if lead & 0xF0 == 0xE0 {
            guard index + 2 < bytes.count else { return (.other, 1) }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (((value >= 0xAC00 && value <= 0xD7A3) || (value >= 0x3131 && value <= 0x318E)) ? .hangul : .other, 3)
        }
        if lead & 0xF8 == 0xF0 { return (.other, 4) }
        return (.other, 1)
    }

    /// Overlapping two-syllable pieces of a word of three or more syllables.
    public static func bigrams(_ word: String) -> [WeightedTerm] {
        let characters = Array(word)
        guard characters.count >= 3 else { return [] }
        return (0..<(characters.count - 1)).map { WeightedTerm(term: "~" + String(characters[$0...($0 + 1)]), weight: bigramWeight) }
    }
}
