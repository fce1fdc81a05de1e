import GongbuCore

/// CronJob schedules as Kubernetes reads them (robfig/cron's standard parser): five fields,
/// or a descriptor such as `@daily` or `@every 1h30m`.
enum CronSchedule {
    struct Field {
        let name: Message
        let range: ClosedRange<Int>
        let names: [String: Int]
        let allowsQuestionMark: Bool
    }

    static let months = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdays = ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6]

    static let fields = [
        Field(name: "minute", range: 0...59, names: [:], allowsQuestionMark: false),
        Field(name: "hour", range: 0...23, names: [:], allowsQuestionMark: false),
        Field(name: "day of month", range: 1...31, names: [:], allowsQuestionMark: true),
        Field(name: "month", range: 1...12, names: months, allowsQuestionMark: false),
        Field(name: "day of week", range: 0...6, names: weekdays, allowsQuestionMark: true),
    ]

    static let descriptors: Set<String> = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]

    /// The problem with a schedule, or nil when Kubernetes accepts it.
    static func problem(_ schedule: String) -> Message? {
        let trimmed = schedule.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "the schedule is empty" }
        if trimmed.hasPrefix("TZ=") || trimmed.hasPrefix("CRON_TZ=") {
            return "a time zone cannot be set in the schedule; use the 'timeZone' field instead"
        }
        if trimmed.hasPrefix("@") {
            if descriptors.contains(trimmed.lowercased()) { return nil }
            if trimmed.hasPrefix("@every ") {
                return durationIsValid(String(trimmed.dropFirst(7))) ? nil : "'\(trimmed)' needs a duration such as '@every 1h30m'"
            }
            return "unknown descriptor '\(trimmed)' (use @yearly, @monthly, @weekly, @daily, @hourly or @every <duration>)"
        }
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if parts.count != 5 {
            return "expected 5 fields (minute hour day-of-month month day-of-week), found \(parts.count)"
        }
        for (part, field) in zip(parts, fields) {
            if let problem = fieldProblem(String(part), field) { return problem }
        }
        return nil
    }

    static func fieldProblem(_ text: String, _ field: Field) -> Message? {
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            if item.isEmpty { return "\(field.name) field '\(text)' has an empty list item" }
            var rangePart = Substring(item)
            if let slash = item.firstIndex(of: "/") {
                let step = item[item.index(after: slash)...]
                guard let value = Int(step), value > 0 else { return "\(field.name) step '\(step)' must be a positive number" }
                rangePart = item[..<slash]
            }
            if rangePart == "*" || (rangePart == "?" && field.allowsQuestionMark) { continue }
            let bounds = rangePart.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2 else { return "\(field.name) '\(rangePart)' is not a value or a range" }
            var values: [Int] = []
            for bound in bounds {
                guard let value = Int(bound) ?? field.names[bound.lowercased()] else {
                    return "\(field.name) '\(bound)' is not a number\(field.names.isEmpty ? "" : " or a name" as Message)"
                }
                guard field.range.contains(value) else {
                    return "\(field.name) \(value) is out of range \(field.range.lowerBound)-\(field.range.upperBound)"
                }
                values.append(value)
            }
            if values.count == 2, values[0] > values[1] {
                return "\(field.name) range '\(rangePart)' starts after it ends"
            }
        }
        return nil
    }

    /// Go durations: a sequence of numbers with units (1h30m, 90s, 1.5h).
    static func durationIsValid(_ text: String) -> Bool {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.isEmpty { return false }
        let units = ["ns", "us", "µs", "ms", "s", "m", "h"]
        while !rest.isEmpty {
            let numberEnd = rest.firstIndex { !($0.isNumber || $0 == ".") } ?? rest.endIndex
            if numberEnd == rest.startIndex { return false }
            rest = rest[numberEnd...]
            guard let unit = units.sorted(by: { $0.count > $1.count }).first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(unit.count)
        }
        return true
    }
}
