import GongbuCore

/// Kubernetes resource quantities (`500m`, `1Gi`, `2`, `1e3`), as k8s.io/apimachinery/pkg/api/resource parses them.
/// Why a text is not a quantity (a message for the user).
struct QuantityError: Error {
    let message: Message
}

struct Quantity: Comparable {
    /// The value in base units (cores, bytes …); exact enough for comparisons.
    var value: Double

    static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.value < rhs.value }

    static let suffixes: [String: Double] = [
        "": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624,
        "Ei": 1_152_921_504_606_846_976,
    ]

    /// Parses a quantity from a manifest value: a string, an integer or a number.
    static func parse(_ scalar: ManifestScalar) -> Result<Quantity, QuantityError> {
        switch scalar {
        case .int(let value): return .success(Quantity(value: Double(value)))
        case .double(let value): return .success(Quantity(value: value))
        case .string(let text): return parse(text)
        default: return .failure(QuantityError(message: "must be a quantity such as 500m, 1Gi or 2"))
        }
    }

    static func parse(_ text: String) -> Result<Quantity, QuantityError> {
        let invalid = Result<Quantity, QuantityError>.failure(
            QuantityError(message: "'\(text)' is not a valid quantity (examples: 500m, 0.5, 128Mi, 1Gi, 2)"))
        var scalars = Substring(text)
        var sign = 1.0
        if let first = scalars.first, first == "+" || first == "-" {
            if first == "-" { sign = -1 }
            scalars = scalars.dropFirst()
        }
        let numberEnd = scalars.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? scalars.endIndex
        let number = scalars[..<numberEnd]
        var suffix = String(scalars[numberEnd...])
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number != ".",
            var value = Double(number.hasPrefix(".") ? "0" + number : String(number))
        else {
            return invalid
        }
        if let multiplier = suffixes[suffix] {
            value *= multiplier
        } else if let first = suffix.first, first == "e" || first == "E" {
            suffix.removeFirst()
            guard let exponent = Int(suffix), !suffix.isEmpty else { return invalid }
            value *= pow10(exponent)
        } else {
            if ["K", "KB", "MB", "GB", "Kb", "Mb", "Gb", "mi", "gi", "ki"].contains(suffix) {
                return .failure(
                    QuantityError(
                        message: "'\(text)' is not a valid quantity: the suffix '\(suffix)' does not exist (use k, M, G or Ki, Mi, Gi)"))
            }
            return invalid
        }
        return .success(Quantity(value: sign * value))
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
