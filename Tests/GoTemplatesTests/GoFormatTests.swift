import Foundation
import GoTemplates
import Testing

/// `GoFormat` against Go itself: `Fixtures/go-format.json` holds what Go 1.19's fmt printed for
/// each case (written by `scripts/go-oracle/format`), and the few tests after it spell out the
/// rules that matter most to templates.
@Suite struct GoFormatTests {
    /// The groups of the fixture, as the Go program writes them; a group missing from either side
    /// fails `fixtureHasEveryGroup`.
    static let groups = [
        "printed", "print", "verbs", "integers", "floats", "strings", "collections", "errors",
        "random-floats", "quoting",
    ]

    @Test func fixtureHasEveryGroup() throws {
        let cases = try GoFormatFixture.cases.get()
        #expect(Set(cases.map(\.group)) == Set(Self.groups))
        #expect(cases.count > 6000)
    }

    @Test("prints as Go does", arguments: groups)
    func printsAsGo(group: String) throws {
        for testCase in try GoFormatFixture.cases.get() where testCase.group == group {
            let output: String
            switch testCase.function {
            case "sprint": output = GoFormat.sprint(testCase.arguments)
            case "sprintln": output = GoFormat.sprintln(testCase.arguments)
            default: output = GoFormat.sprintf(testCase.format, testCase.arguments)
            }
            #expect(output == testCase.output, "\(testCase.function) \(testCase.format.debugDescription) \(testCase.arguments)")
        }
    }

    @Test func printedIsPercentV() {
        #expect(GoFormat.printed(.null) == "<nil>")
        #expect(GoFormat.printed(.int(-3)) == "-3")
        #expect(GoFormat.printed(.float(1234567)) == "1.234567e+06")
        #expect(GoFormat.printed(.float(123456)) == "123456")
        #expect(GoFormat.printed(.float(0.0001)) == "0.0001")
        #expect(GoFormat.printed(.float(0.00001)) == "1e-05")
        #expect(GoFormat.printed(.float(-0.0)) == "-0")
        #expect(GoFormat.printed(.float(.infinity)) == "+Inf")
        #expect(GoFormat.printed(.safe("<b>", .html)) == "<b>")
        #expect(GoFormat.printed(.list([.int(1), .string("a"), .null])) == "[1 a <nil>]")
        let map = ValueMap(["b": .int(2), "a": .list([]), "B": .bool(true)])
        #expect(GoFormat.printed(.map(map)) == "map[B:true a:[] b:2]")
        #expect(GoFormat.printed(.object(PrintedObject(typeName: "*hugolib.pageState", printed: "Page(/a)"))) == "Page(/a)")
    }

    @Test func sprintSpacesOnlyBetweenNonStrings() {
        #expect(GoFormat.sprint([.string("a"), .int(1), .int(2), .string("b"), .safe("c", .html)]) == "a1 2bc")
        #expect(GoFormat.sprintln([.string("a"), .int(1)]) == "a 1\n")
        #expect(GoFormat.sprint([]) == "")
    }

    @Test func hostObjectsPrintAsStringers() {
        let page = Value.object(PrintedObject(typeName: "*hugolib.pageState", printed: "Page(/a)"))
        #expect(GoFormat.sprintf("%v|%s|%q|%T|%x", [page, page, page, page, page])
            == #"Page(/a)|Page(/a)|"Page(/a)"|*hugolib.pageState|50616765282f6129"#)
        #expect(GoFormat.sprintf("%d", [page]) == "%!d(*hugolib.pageState=Page(/a))")
        #expect(GoFormat.sprintf("%v", [.list([page])]) == "[Page(/a)]")
    }

    @Test func caseInsensitiveMapsAreHugoParams() {
        let params = Value.map(ValueMap(["Title": .string("T")], caseInsensitive: true))
        #expect(GoFormat.sprintf("%T %#v", [params, params]) == #"maps.Params maps.Params{"title":"T"}"#)
    }
}

/// A host object that prints as `printed` (a Go value with a `String` method).
/// One case of the fixture.
private struct GoFormatCase: Sendable {
    let group: String
    let function: String
    let format: String
    let arguments: [Value]
    let output: String
}

private enum GoFormatFixture {
    /// Read once for all the tests.
    static let cases = Result { try load() }

    private static func load() throws -> [GoFormatCase] {
        // #filePath may be a symbolic link to this file (a development package links it).
        let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let data = try Data(contentsOf: directory.appendingPathComponent("Fixtures/go-format.json"))
        return try JSONDecoder().decode([RecordedCase].self, from: data).map {
            GoFormatCase(
                group: $0.group, function: $0.function, format: $0.format ?? "",
                arguments: $0.arguments.map(\.value), output: $0.output)
        }
    }

    private struct RecordedCase: Decodable {
        let group: String
        let function: String
        let format: String?
        let arguments: [RecordedValue]
        let output: String
    }

    /// A value as the Go program writes it: null, or an object with one key naming its kind (see
    /// scripts/go-oracle/format/main.go).
    private struct RecordedValue: Decodable {
        let value: Value

        private struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if try decoder.singleValueContainer().decodeNil() {
                value = .null
                return
            }
            let container = try decoder.container(keyedBy: Key.self)
            guard let key = container.allKeys.first(where: { $0.stringValue != "kind" && $0.stringValue != "type" }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no kind"))
            }
            func text() throws -> String { try container.decode(String.self, forKey: key) }
            func entries() throws -> [String: Value] { try container.decode([String: RecordedValue].self, forKey: key).mapValues(\.value) }
            switch key.stringValue {
            case "bool": value = .bool(try container.decode(Bool.self, forKey: key))
            case "int": value = .int(Int(try text())!)
            case "float": value = .float(Self.float(try text()))
            case "string": value = .string(try text())
            case "safe": value = .safe(try text(), Self.kind(try container.decode(String.self, forKey: Key(stringValue: "kind"))))
            case "list": value = .list(try container.decode([RecordedValue].self, forKey: key).map(\.value))
            case "map": value = .map(ValueMap(try entries()))
            case "params": value = .map(ValueMap(try entries(), caseInsensitive: true))
            case "object":
                let typeName = try container.decode(String.self, forKey: Key(stringValue: "type"))
                value = .object(PrintedObject(typeName: typeName, printed: try text()))
            default:
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: key.stringValue))
            }
        }

        /// Go's shortest form, which reads back exactly.
        private static func float(_ text: String) -> Double {
            switch text {
            case "NaN": return .nan
            case "+Inf": return .infinity
            case "-Inf": return -.infinity
            default: return Double(text)!
            }
        }

        private static func kind(_ name: String) -> ContentKind {
            switch name {
            case "html": return .html
            case "htmlAttribute": return .htmlAttribute
            case "css": return .css
            case "js": return .js
            case "jsString": return .jsString
            case "url": return .url
            default: return .srcset
            }
        }
    }
}
