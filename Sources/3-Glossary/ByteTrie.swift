import Korean

/// A trie over UTF-8 bytes, frozen into flat arrays after it is built.
///
/// Walking it from one position costs at most the length of the longest key, so matching every
/// word start of a text is linear in the text, whatever the number of keys.
///
/// A final class with immutable storage: matching copies no arrays and touches no reference counts.
final class ByteTrie: Sendable {
    /// For node n, its edges are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]` (sorted), leading to `edgeTargets`.
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    /// The root's edges as a direct table (the busiest node).
    private let rootTable: [Int32]
    /// Key index ending at each node, or -1.
    private let terminal: [Int32]

    /// Whether key bytes and text bytes are compared case-insensitively (ASCII only).
    let foldsCase: Bool

    init(keys: [[UInt8]], foldsCase: Bool) {
        self.foldsCase = foldsCase
        var children: [[UInt8: Int32]] = [[:]]
        var terminals: [Int32] = [-1]
        for (index, key) in keys.enumerated() {
            var node = 0
            for raw in key {
                let byte = foldsCase ? TextScanning.lowercased(raw) : raw
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    children.append([:])
                    terminals.append(-1)
                    let next = Int32(children.count - 1)
                    children[node][byte] = next
                    node = Int(next)
                }
            }
            // The first key wins when two keys are equal; callers reject duplicates before this.
            if terminals[node] < 0 { terminals[node] = Int32(index) }
        }
        terminal = terminals
        var edgeStart: [Int32] = []
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        var rootTable = [Int32](repeating: -1, count: 256)
        edgeStart.reserveCapacity(children.count + 1)
        for (node, edges) in children.enumerated() {
            edgeStart.append(Int32(edgeBytes.count))
            for (byte, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
                if node == 0 { rootTable[Int(byte)] = target }
            }
        }
        edgeStart.append(Int32(edgeBytes.count))
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.rootTable = rootTable
    }

    @inline(__always)
    private func child(of node: Int, _ byte: UInt8) -> Int {
        if node == 0 { return Int(rootTable[Int(byte)]) }
        var low = Int(edgeStart[node])
        var high = Int(edgeStart[node + 1])
        while low < high {
            let middle = (low + high) / 2
            let value = edgeBytes[middle]
            if value == byte { return Int(edgeTargets[middle]) }
            if value < byte { low = middle + 1 } else { high = middle }
        }
        return -1
    }

    /// Appends `(end, key)` for every key that starts at `start`, shortest first. A run of
    /// whitespace in the text matches one space in a key (`헤드리스  서비스`).
    func walk(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into found: inout [(end: Int, key: Int)]) {
        var node = 0
        var index = start
        let count = bytes.count
        while index < count {
            var byte = bytes[index]
            var step = 1
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || (byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0) {
                byte = 0x20
                step = 0
                while index + step < count {
                    let next = bytes[index + step]
                    if next == 0x20 || next == 0x09 || next == 0x0A {
                        step += 1
                    } else if next == 0xC2, index + step + 1 < count, bytes[index + step + 1] == 0xA0 {
                        step += 2
                    } else {
                        break
                    }
                }
            } else if foldsCase {
                byte = TextScanning.lowercased(byte)
            }
            node = child(of: node, byte)
            if node < 0 { return }
            index += step
            let key = terminal[node]
            if key >= 0 { found.append((index, Int(key))) }
        }
    }

    /// The end of the longest key that starts at `start`, or nil.
    func longestMatch(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var found: [(end: Int, key: Int)] = []
        walk(bytes, from: start, into: &found)
        return found.last?.end
    }

    /// Whether any key starts with the byte at `start` (a cheap filter before walking).
    @inline(__always)
    func mayStart(with byte: UInt8) -> Bool {
        rootTable[Int(foldsCase ? TextScanning.lowercased(byte) : byte)] >= 0
    }
}
