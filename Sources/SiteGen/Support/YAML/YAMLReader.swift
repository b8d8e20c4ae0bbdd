import Foundation
import Yams

/// Reads YAML through Yams' node tree. Plain scalars are typed by the YAML 1.2 core schema, as Hugo's YAML library
/// does: `yes`, `no`, `on` and `off` stay strings (a title "No" is not `false`), `010` is ten, and timestamps become
/// dates. Quoted scalars are always strings.
enum YAMLReader {
    static func read(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) -> ParsedTable {
        let root: Node?
        do {
            // The basic resolver (no rules) keeps Yams from running its regular expressions over every scalar:
            // plain scalars are typed here instead.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            throw diagnostic(for: error, file: file, lineOffset: lineOffset)
        }
        guard let root else { return ParsedTable() }

        let reader = NodeReader(file: file, lineOffset: lineOffset)
        if case .scalar = root, try reader.value(of: root) == nil { return ParsedTable() }
        guard case .mapping(let mapping) = root else {
            throw reader.error(at: root, "the top level must be a table of keys and values, not a single value or a list")
        }
        var result = ParsedTable(values: try reader.table(from: mapping))
        for (key, _) in mapping {
            if let name = key.scalar?.string, let mark = key.mark, result.values[name] != nil, result.keyLines[name] == nil {
                result.keyLines[name] = mark.line + lineOffset
            }
        }
        return result
    }

    private static func diagnostic(for error: any Error, file: String, lineOffset: Int) -> Diagnostic {
        guard let error = error as? YamlError else {
            return .error(file, line: lineOffset + 1, "invalid YAML: \(error)")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let explanation = context.map { "\(problem) (\($0.text))" } ?? problem
            return .error(file, line: mark.line + lineOffset, column: mark.column, "invalid YAML: \(explanation)")
        case let .reader(problem, offset, _, yaml):
            let position = offset.map { TextPosition(characterOffset: $0, in: yaml) }
            return .error(file, line: position.map { $0.line + lineOffset }, column: position?.column,
                          "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(file, line: context.mark.line + lineOffset, column: context.mark.column,
                          "invalid YAML: duplicate key \(keys)")
        default:
            return .error(file, line: lineOffset + 1, "invalid YAML: \(error)")
        }
    }
}

/// Turns Yams nodes into `Value`s; nulls become nil and are left out of tables and lists.
private struct NodeReader {
    let file: String
    let lineOffset: Int

    func value(of node: Node) throws(Diagnostic) -> Value? {
        switch node {
        case .scalar(let scalar): return Self.value(of: scalar)
        case .mapping(let mapping): return .table(try table(from: mapping))
        case .sequence(let sequence):
            var items: [Value] = []
            for item in sequence {
                if let value = try value(of: item) { items.append(value) }
            }
            return .array(items)
        case .alias: return nil // compose() already replaced aliases by the nodes they name
        }
    }

    /// A mapping's entries; `<<: *anchor` merge keys add the anchored table's entries that the mapping lacks.
    func table(from mapping: Node.Mapping) throws(Diagnostic) -> [String: Value] {
        var table: [String: Value] = [:]
        var merged: [String: Value] = [:]
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                throw error(at: key, "a key must be a plain value, not a table or a list")
            }
            if keyScalar.string == "<<", keyScalar.style == .plain {
                for source in Self.mergeSources(value) {
                    for (name, entry) in try self.table(from: source) where merged[name] == nil {
                        merged[name] = entry
                    }
                }
            } else if let value = try self.value(of: value) {
                table[keyScalar.string] = value
            }
        }
        return table.merging(merged) { explicit, _ in explicit }
    }

    func error(at node: Node, _ message: String) -> Diagnostic {
        .error(file, line: node.mark.map { $0.line + lineOffset }, column: node.mark?.column, message)
    }

    private static func mergeSources(_ node: Node) -> [Node.Mapping] {
        switch node {
        case .mapping(let mapping): return [mapping]
        case .sequence(let sequence): return sequence.compactMap(\.mapping)
        default: return []
        }
    }

    private static func value(of scalar: Node.Scalar) -> Value? {
        let text = scalar.string
        // Tag is a class whose name Yams overwrites once resolved; the key check for duplicates resolves keys
        // (to `str`, with the basic resolver), but values keep the name they were written with.
        switch Tag.Name(rawValue: scalar.tag.rawValue) {
        case .implicit where scalar.style == .plain: return YAMLCoreSchema.value(ofPlain: text)
        case .null: return nil
        case .bool: return YAMLCoreSchema.bool(text).map(Value.bool) ?? .string(text)
        case .int: return YAMLCoreSchema.integer(text) ?? .string(text)
        case .float: return YAMLCoreSchema.float(text).map(Value.double) ?? .string(text)
        case .timestamp: return HugoDate.parse(text).map(Value.date) ?? .string(text)
        default: return .string(text)
        }
    }
}
