import Foundation

/// Reads JSON through `JSONSerialization`; `true`/`false` stay booleans, distinct from the numbers 1 and 0.
enum JSONReader {
    static func read(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) -> ParsedTable {
        guard text.contains(where: { !$0.isWhitespace }) else { return ParsedTable() }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw diagnostic(for: error as NSError, in: text, file: file, lineOffset: lineOffset)
        }
        guard let dictionary = object as? [String: Any] else {
            throw .error(file, line: lineOffset + 1, "the top level must be an object of keys and values, not a single value or a list")
        }
        return ParsedTable(values: dictionary.compactMapValues(value(of:)), keyLines: keyLines(in: text, lineOffset: lineOffset))
    }

    private static func value(of object: Any) -> Value? {
        switch object {
        case let string as String: return .string(string)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "d", "f": return .double(number.doubleValue)
            default: return Int(exactly: number).map(Value.int) ?? .double(number.doubleValue)
            }
        case let array as [Any]: return .array(array.compactMap(value(of:)))
        case let dictionary as [String: Any]: return .table(dictionary.compactMapValues(value(of:)))
        default: return nil // NSNull
        }
    }

    /// Foundation reports where parsing stopped only as "… around character N." in the debug description.
    private static func diagnostic(for error: NSError, in text: String, file: String, lineOffset: Int) -> Diagnostic {
        let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        guard let around = detail.range(of: " around character "),
              let offset = Int(detail[around.upperBound...].prefix(while: \.isNumber))
        else {
            return .error(file, line: lineOffset + 1, "invalid JSON: \(detail)")
        }
        let position = TextPosition(utf8Offset: offset, in: text)
        return .error(file, line: position.line + lineOffset, column: position.column,
                      "invalid JSON: \(detail[..<around.lowerBound].lowercased())")
    }

    /// Lines of the top-level object's keys: strings at depth 1 that are followed by a colon.
    private static func keyLines(in text: String, lineOffset: Int) -> [String: Int] {
        let bytes = Array(text.utf8)
        var lines: [String: Int] = [:]
        var line = 1 + lineOffset
        var depth = 0
        var lastString: (name: String, line: Int)?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                let name = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
                index += 1
                lastString = depth == 1 ? (name, line) : nil
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ":"):
                if let key = lastString, lines[key.name] == nil { lines[key.name] = key.line }
            default: break
            }
            lastString = nil
        }
        return lines
    }
}
