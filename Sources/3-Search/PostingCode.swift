/// The compact text form of posting lists and document lengths in the index files.
///
/// A posting list is a run of variable-length numbers, each written with 64 characters that JSON
/// never escapes (`0-9 A-Z a-z - _`): a character carries five bits of the number, low bits first,
/// and characters from the upper half of the alphabet say that more follow (the scheme of source
/// maps' VLQ, without the sign bit). A list is the first document number, then for each further
/// posting the gap to the previous document, each followed by the frequency in twentieths.
///
/// Twentieths are exact: every field weight (`FieldWeight`) and the bigram weight times a field
/// weight is a multiple of 0.05. Lengths are written in halves, also exact. On the 10,000-note
/// benchmark corpus this makes a posting about 3 bytes instead of about 11 as `[document,frequency]`
/// JSON numbers.
public enum PostingCode {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    /// Character → digit value, or -1.
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = Int8(value) }
        return table
    }()
    public static let frequencyScale = 20.0
    public static let lengthScale = 2.0

    static func append(_ number: Int, to bytes: inout [UInt8]) {
        var rest = max(number, 0)
        repeat {
            let digit = rest & 31
            rest >>= 5
            bytes.append(alphabet[rest > 0 ? digit | 32 : digit])
        } while rest > 0
    }

    /// The postings (in document order, as the index keeps them) as text.
    public static func encode(_ postings: [Posting]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 3)
        var previous = 0
        for (offset, posting) in postings.enumerated() {
            append(offset == 0 ? posting.document : posting.document - previous, to: &bytes)
            append(Int((posting.frequency * frequencyScale).rounded()), to: &bytes)
            previous = posting.document
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads the numbers of a code; nil when a character is outside the alphabet or a number is cut off.
    static func numbers<Bytes: Collection>(_ bytes: Bytes) -> [Int]? where Bytes.Element == UInt8 {
        var numbers: [Int] = []
        var value = 0
        var shift = 0
        var open = false
        for byte in bytes {
            guard byte < 128 else { return nil }
            let digit = Int(values[Int(byte)])
            guard digit >= 0, shift < 60 else { return nil }
            value |= (digit & 31) << shift
            if digit >= 32 {
                shift += 5
                open = true
            } else {
                numbers.append(value)
                value = 0
                shift = 0
                open = false
            }
        }
        return open ? nil : numbers
    }

    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> [Posting]? where Bytes.Element == UInt8 {
        guard let numbers = numbers(bytes), numbers.count % 2 == 0 else { return nil }
        var postings: [Posting] = []
        postings.reserveCapacity(numbers.count / 2)
        var document = 0
        var index = 0
        while index < numbers.count {
            document = index == 0 ? numbers[0] : document + numbers[index]
            postings.append(Posting(document: document, frequency: Double(numbers[index + 1]) / frequencyScale))
            index += 2
        }
        return postings
    }

    public static func encodeLengths(_ lengths: [Double]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lengths.count * 2)
        for length in lengths { append(Int((length * lengthScale).rounded()), to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func decodeLengths(_ text: String) -> [Double]? {
        numbers(Array(text.utf8)).map { $0.map { Double($0) / lengthScale } }
    }
}
