import Foundation
import TOMLKit

/// Reads TOML through TOMLKit (toml++). Offset and local dates and date-times become `.date` (local ones in UTC);
/// a bare local time (`07:30:00`) has no date and stays a string.
enum TOMLReader {
    static func read(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) -> ParsedTable {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .error(file, line: error.source.begin.line + lineOffset, column: error.source.begin.column,
                         "invalid TOML: \(error.description)")
        } catch {
            throw .error(file, line: lineOffset + 1, "invalid TOML: \(error)")
        }
        let values = Self.values(of: table)
        return ParsedTable(values: values, keyLines: keyLines(in: text, keys: Set(values.keys), lineOffset: lineOffset))
    }

    private static func values(of table: TOMLTable) -> [String: Value] {
        var values: [String: Value] = [:]
        for key in table.keys {
            if let item = table[key] { values[key] = value(of: item) }
        }
        return values
    }

    private static func value(of item: any TOMLValueConvertible) -> Value {
        switch item.type {
        case .table: return .table(values(of: item.table!))
        case .array: return .array(item.array!.map(value(of:)))
        case .string: return .string(item.string!)
        case .int: return .int(item.int!)
        case .double: return .double(item.double!)
        case .bool: return .bool(item.bool!)
        case .date:
            let date = item.date!
            return civil(date).date.map(Value.date) ?? .string(date.debugDescription)
        case .dateTime:
            // TOMLKit's own `fDate` ignores the offset and uses the machine's time zone, so convert by hand.
            let dateTime = item.dateTime!
            var civil = civil(dateTime.date)
            civil.hour = dateTime.time.hour
            civil.minute = dateTime.time.minute
            civil.second = dateTime.time.second
            civil.nanosecond = dateTime.time.nanoSecond
            civil.offsetSeconds = (dateTime.offset?.offset ?? 0) * 60
            return civil.date.map(Value.date) ?? .string(dateTime.debugDescription)
        case .time:
            let time = item.time!
            return .string(String(format: "%02d:%02d:%02d", time.hour, time.minute, time.second))
        }
    }

    private static func civil(_ date: TOMLDate) -> CivilDateTime {
        CivilDateTime(year: date.year, month: date.month, day: date.day)
    }

    /// TOMLKit keeps no positions, so top-level keys are found in the text: `key = …` lines before the first table
    /// header, and `[key]`, `[key.sub]` or `[[key]]` headers.
    private static func keyLines(in text: String, keys: Set<String>, lineOffset: Int) -> [String: Int] {
        var lines: [String: Int] = [:]
        var inTable = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            let name: Substring
            if trimmed.hasPrefix("[") {
                inTable = true
                name = firstKeySegment(trimmed.drop(while: { $0 == "[" || $0 == " " || $0 == "\t" }))
            } else if !inTable, !trimmed.hasPrefix("#"), trimmed.contains("=") {
                name = firstKeySegment(trimmed)
            } else {
                continue
            }
            let key = String(name)
            if keys.contains(key), lines[key] == nil { lines[key] = index + 1 + lineOffset }
        }
        return lines
    }

    /// The first segment of a possibly dotted, possibly quoted key: `"a.b".c = 1` → `a.b`, `site.title = …` → `site`.
    private static func firstKeySegment(_ text: Substring) -> Substring {
        if let quote = text.first, quote == "\"" || quote == "'" {
            let rest = text.dropFirst()
            return rest[..<(rest.firstIndex(of: quote) ?? rest.endIndex)]
        }
        let end = text.firstIndex { $0 == "." || $0 == "=" || $0 == "]" || $0 == " " || $0 == "\t" } ?? text.endIndex
        return text[..<end]
    }
}
