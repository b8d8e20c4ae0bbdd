import Foundation
import Testing
@testable import GoTemplates

/// html/template's contextual escaping against what Go 1.19 does with the same templates and
/// data (`scripts/go-oracle/escape`): the output byte for byte, the escaping functions added to
/// each action of the entry template, and the escaper's errors, message for message.
@Suite struct HTMLEscaperTests {
    static let fixture = try? EscapeFixture.load("html-escape.json")
    static let cases = fixture?.cases ?? []
    static let pipelines = fixture?.pipelines ?? []

    @Test func theCasesAreThere() {
        #expect(Self.cases.count > 2000)
        #expect(Self.pipelines.count > 10)
    }

    @Test(arguments: cases) func doesWhatGoDoes(_ test: EscapeCase) throws {
        var functions = Builtins.functions
        functions["pred"] = Self.predecessor
        var parent: TemplateSet?
        if let source = test.parent {
            var namespace = TemplateNamespace(functions: functions)
            try namespace.add(source, name: "parent")
            parent = namespace.prepared(escapingHTML: true)
        }
        var namespace = TemplateNamespace(functions: functions)
        do {
            try namespace.add(test.template, name: test.name)
        } catch {
            #expect(test.error?.kind == "parse", "Go parses it; SiteGen: \(error)")
            return
        }
        let set = namespace.prepared(escapingHTML: true, over: parent)
        let entry = test.entry ?? test.name
        if let failure = set.failure(of: entry) {
            guard let expected = test.error, expected.kind == "escape" else {
                Issue.record("Go escapes it (\(test.error?.message ?? test.output ?? "")); SiteGen: \(failure)")
                return
            }
            #expect(failure.message == expected.message)
            if let line = expected.line { #expect(failure.position?.line == line) }
            return
        }
        #expect(test.error?.kind != "escape", "Go: \(test.error?.message ?? ""); SiteGen escapes it")
        if let expected = test.escapers, let tree = set.tree(named: entry) {
            #expect(Self.escapers(in: tree.root) == expected)
        }
        do {
            let output = try set.execute(entry, data: test.data?.value ?? .null)
            #expect(test.error == nil, "Go fails (\(test.error?.message ?? "")); SiteGen printed \(output.debugDescription)")
            if let expected = test.output { #expect(output == expected) }
        } catch {
            #expect(test.error?.kind == "exec", "Go printed \(test.output.debugDescription); SiteGen failed: \(error)")
        }
    }

    /// The commands of each action, as the oracle lists them: function names, `_` for the rest.
    static func escapers(in list: ListNode?) -> [String] {
        guard let list else { return [] }
        return list.nodes.flatMap { node -> [String] in
            switch node {
            case .action(let action):
                return [action.pipe.commands.map { command in
                    if case .function(let function, _) = command.arguments[0] { return function.name }
                    return "_"
                }.joined(separator: " | ")]
            case .branch(let branch):
                return escapers(in: branch.list) + escapers(in: branch.elseList)
            default:
                return []
            }
        }
    }

    /// TestEscapeSet's `pred`: the predecessor of a natural number.
    static let predecessor = FunctionReference("pred") { arguments, _ in
        if arguments.count == 1, case .int(let number) = arguments[0], number > 0 { return .int(number - 1) }
        throw TemplateFailure("undefined pred(\(arguments))")
    }

    /// Go's TestEnsurePipelineContains: the pipeline once the escapers are made to end it.
    @Test(arguments: pipelines) func rewritesPipelinesAsGoDoes(_ test: PipelineCase) throws {
        let pipe = HTMLEscaper.ensurePipelineContains(try Self.firstPipe(of: test.input), test.ids)
        #expect(pipe.goSource == test.output)
    }

    // MARK: Escaping functions directly

    @Test func unchangedTextIsTheSameString() {
        let text = "plain text, nothing to escape"
        #expect(HTMLEscaping.escaper([.string(text)]) == text)
        #expect(JSEscaping.stringEscaper([.string(text)]) == text)
        #expect(URLEscaping.normalizer([.string("/a/b")]) == "/a/b")
    }

    @Test func aTreeEscapedAgainGetsNoSecondEscapers() throws {
        let once = HTMLEscaper.ensurePipelineContains(try Self.firstPipe(of: "{{.X}}"), ["_html_template_jsstrescaper", "_html_template_attrescaper"])
        let twice = HTMLEscaper.ensurePipelineContains(once, ["_html_template_jsstrescaper", "_html_template_attrescaper"])
        #expect(twice.goSource == ".X | _html_template_jsstrescaper")
    }

    @Test func aParentsTemplateCalledInAnotherContextIsCopied() throws {
        var base = TemplateNamespace()
        try base.add(#"{{define "v"}}{{.}}{{end}}"#, name: "base")
        let parent = base.prepared(escapingHTML: true)
        var page = TemplateNamespace()
        try page.add(#"<a href="/?q={{template "v" .}}">{{template "v" .}}"#, name: "page")
        let set = page.prepared(escapingHTML: true, over: parent)
        #expect(set.has("v$htmltemplate_stateURL_delimDoubleQuote_urlPartQueryOrFrag_attrURL"))
        #expect(try set.execute("page", data: .string("a&b")) == #"<a href="/?q=a%26b">a&amp;b"#)
        #expect(try parent.execute("v", data: .string("<")) == "&lt;")
    }

    private static func firstPipe(of source: String) throws -> PipeNode {
        let tree = try Parser.parse(source, name: "t", functions: Builtins.functions)[0]
        guard case .action(let action) = tree.root.nodes[0] else { throw TemplateFailure("no action") }
        return action.pipe
    }
}

/// `Fixtures/html-escape.json`.
struct EscapeFixture: Decodable {
    let cases: [EscapeCase]
    let pipelines: [PipelineCase]

    static func load(_ name: String) throws -> EscapeFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try JSONDecoder().decode(EscapeFixture.self, from: Data(contentsOf: url))
    }
}

/// A row of Go's TestEnsurePipelineContains.
struct PipelineCase: Decodable, CustomTestStringConvertible {
    let input: String
    let output: String
    let ids: [String]

    var testDescription: String { "\(input) \(ids)" }
}

/// A template, its data, and what Go did.
struct EscapeCase: Decodable, CustomTestStringConvertible {
    let name: String
    let template: String
    /// Templates of a set prepared first, under this one's.
    let parent: String?
    let entry: String?
    let data: EscapeData?
    let output: String?
    let error: Failure?
    let escapers: [String]?

    struct Failure: Decodable {
        /// `parse`, `escape` or `exec`.
        let kind: String
        let message: String
        let line: Int?
    }

    var testDescription: String { name }
}

/// The oracle's data: JSON, integers as ints, and one-key objects for typed content (`{"$html":
/// "…"}`), floats that look like ints or are not numbers (`{"$float": "NaN"}`), and host objects
/// (`{"$object": "what it prints"}`).
struct EscapeData: Decodable {
    let value: Value

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    private static let kinds: [String: ContentKind] = [
        "$html": .html, "$css": .css, "$htmlattr": .htmlAttribute, "$js": .js, "$jsstr": .jsString, "$url": .url, "$srcset": .srcset,
    ]

    init(from decoder: Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            if object.allKeys.count == 1, let key = object.allKeys.first {
                if let kind = Self.kinds[key.stringValue] {
                    value = .safe(try object.decode(String.self, forKey: key), kind)
                    return
                }
                switch key.stringValue {
                case "$object":
                    value = .object(PrintedObject(printed: try object.decode(String.self, forKey: key)))
                    return
                case "$float":
                    if let number = try? object.decode(Double.self, forKey: key) {
                        value = .float(number)
                    } else {
                        let text = try object.decode(String.self, forKey: key)
                        value = .float(text == "NaN" ? .nan : text == "+Inf" ? .infinity : -.infinity)
                    }
                    return
                default:
                    break
                }
            }
            var entries: [String: Value] = [:]
            for key in object.allKeys { entries[key.stringValue] = try object.decode(EscapeData.self, forKey: key).value }
            value = .map(ValueMap(entries))
            return
        }
        let container = try decoder.singleValueContainer()
        value = try JSONData.scalar(in: container) ?? .list(container.decode([EscapeData].self).map(\.value))
    }
}

