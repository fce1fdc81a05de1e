/// Guards for YAML from untrusted notes, applied before the text reaches the YAML parser.
public enum YAMLLimits {
    /// The YAML parser recurses once per nesting level, so input that nests far too deep is
    /// refused before parsing. This is an upper bound computed in one pass: flow brackets
    /// (`[[[[…`) plus the stack of block indentation levels plus compact `- - -` markers.
    public static func nestingProblem(in text: String, limit: Int) -> (line: Int, column: Int)? {
        var flowDepth = 0
        var indentStack: [Int] = []
        var line = 1
        var column = 0
        var quote: UInt8 = 0
        var inComment = false
        var atLineStart = true
        var indent = 0
        var dashes = 0
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            column += 1
            defer { previous = byte }
            if byte == 0x0A {
                line += 1
                column = 0
                inComment = false
                atLineStart = true
                indent = 0
                dashes = 0
                continue
            }
            if atLineStart {
                if byte == 0x20 {
                    indent += 1
                    continue
                }
                atLineStart = false
                if byte != 0x23 && flowDepth == 0 {
                    while let top = indentStack.last, top >= indent { indentStack.removeLast() }
                    indentStack.append(indent)
                }
            }
            if inComment { continue }
            if quote != 0 {
                if byte == quote { quote = 0 }
                continue
            }
            switch byte {
            case 0x23 where previous == 0x20 || previous == 0x09 || previous == 0x0A:
                inComment = true
            case 0x5B, 0x7B:
                flowDepth += 1
            case 0x5D, 0x7D:
                flowDepth = max(0, flowDepth - 1)
            case 0x22 where flowDepth > 0, 0x27 where flowDepth > 0:
                quote = byte
            case 0x2D where flowDepth == 0 && (previous == 0x20 || previous == 0x0A):
                dashes += 1
            default:
                break
            }
            if flowDepth + indentStack.count + dashes > limit {
                return (line, column)
            }
        }
        return nil
    }

}
