import Foundation

/// Reads JSON through `JSONSerialization`; `true`/`false` stay booleans, distinct from the numbers 1 and 0.
enum JSONReader {
    static func read(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) -> ParsedTable {
        guard text.contains(where: { !$0.isWhitespace }) else { return ParsedTable() }
        let tokens = JSONToken.tokens(in: text)
        if let comma = trailingComma(in: tokens) {
            let position = TextPosition(utf8Offset: comma.offset, in: text)
            throw .error(file, line: position.line + lineOffset, column: position.column,
                         "invalid JSON: a comma may not come before the closing bracket or brace")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw diagnostic(for: error as NSError, in: text, file: file, lineOffset: lineOffset)
        }
        guard let dictionary = object as? [String: Any] else {
            throw .error(file, line: lineOffset + 1, "the top level must be an object of keys and values, not a single value or a list")
        }
        return ParsedTable(values: dictionary.compactMapValues(value(of:)), keyLines: keyLines(in: tokens, lineOffset: lineOffset))
    }

    /// Any JSON document, a list or a single value too (`transform.Unmarshal`).
    static func readValue(_ text: String) throws(Diagnostic) -> Value {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw diagnostic(for: error as NSError, in: text, file: "JSON", lineOffset: 0)
        }
        return value(of: object) ?? .table([:])
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
    private static func keyLines(in tokens: [JSONToken], lineOffset: Int) -> [String: Int] {
        var lines: [String: Int] = [:]
        var depth = 0
        for (token, next) in zip(tokens, tokens.dropFirst()) {
            switch token.kind {
            case .open: depth += 1
            case .close: depth -= 1
            case .string(let name) where depth == 1 && next.kind == .colon:
                if lines[name] == nil { lines[name] = token.line + lineOffset }
            default: break
            }
        }
        return lines
    }

    /// Foundation accepts `[1, 2,]` and `{"a": 1,}`; JSON, and Hugo, do not.
    private static func trailingComma(in tokens: [JSONToken]) -> JSONToken? {
        zip(tokens, tokens.dropFirst()).first { $0.kind == .comma && $1.kind == .close }?.0
    }
}

/// A JSON text's strings, punctuation and other values in order, with their UTF-8 offsets and lines (from 1).
private struct JSONToken {
    enum Kind: Equatable {
        case string(String)
        case open, close, colon, comma
        /// A number, `true`, `false`, `null`, or anything else outside strings.
        case other
    }

    var kind: Kind
    var offset: Int
    var line: Int

    static func tokens(in text: String) -> [JSONToken] {
        let bytes = Array(text.utf8)
        var tokens: [JSONToken] = []
        var line = 1
        var index = 0
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            index += 1
            let kind: Kind
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                kind = .string(String(decoding: bytes[(start + 1)..<min(index, bytes.count)], as: UTF8.self))
                index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): kind = .open
            case UInt8(ascii: "}"), UInt8(ascii: "]"): kind = .close
            case UInt8(ascii: ":"): kind = .colon
            case UInt8(ascii: ","): kind = .comma
            default:
                if tokens.last?.kind == .other { continue }
                kind = .other
            }
            tokens.append(JSONToken(kind: kind, offset: start, line: line))
        }
        return tokens
    }
}
