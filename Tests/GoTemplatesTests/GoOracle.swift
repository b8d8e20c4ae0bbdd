import Foundation
import GoTemplates
import Testing

/// Test cases whose expected outputs Go itself wrote (`scripts/go-oracle/`): each a template, its
/// data as JSON, and what Go printed, or that Go failed.
struct GoOracleCase: Decodable, CustomTestStringConvertible {
    let name: String
    let template: String
    let data: JSONData?
    let output: String?
    let error: Bool?

    var testDescription: String { name }

    var failsInGo: Bool { error == true }

    /// The cases in `Fixtures/NAME`.
    static func load(_ name: String) throws -> [GoOracleCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try JSONDecoder().decode([GoOracleCase].self, from: Data(contentsOf: url))
    }
}

/// JSON as the Go side reads it: integers are ints, other numbers floats.
struct JSONData: Decodable {
    let value: Value

    /// A JSON scalar (null, bool, number, string); nil for lists and objects.
    static func scalar(in container: SingleValueDecodingContainer) -> Value? {
        if container.decodeNil() { return .null }
        if let bool = try? container.decode(Bool.self) { return .bool(bool) }
        if let int = try? container.decode(Int.self) { return .int(int) }
        if let double = try? container.decode(Double.self) { return .float(double) }
        if let string = try? container.decode(String.self) { return .string(string) }
        return nil
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let scalar = Self.scalar(in: container) {
            value = scalar
        } else if let list = try? container.decode([JSONData].self) {
            value = .list(list.map(\.value))
        } else {
            value = .map(ValueMap(try container.decode([String: JSONData].self).mapValues(\.value)))
        }
    }
}

/// A host object that prints as its text (the oracle's `fmt.Stringer`).
final class PrintedObject: TemplateObject {
    let typeName: String
    let printed: String

    init(typeName: String = "main.stringer", printed: String) {
        self.typeName = typeName
        self.printed = printed
    }

    func value(of member: Member, arguments: [Value], context: CallContext) throws -> Value? { nil }
}
