import Foundation
import GoTemplates
import Testing
#if canImport(SiteGen)
@testable import SiteGen
#else
@testable import SiteGenFunctions
#endif

/// Hugo's template functions against what Hugo 0.111 printed for each case
/// (`scripts/hugo-oracle/functions/make-fixture.py` writes the fixture): each template runs as
/// text/template with the functions Hugo has, over a home page whose `.Site.RegularPages` are the
/// oracle site's three pages.
struct HugoFunctionsTests {
    @Test(arguments: try HugoCase.load())
    func printsWhatHugoPrints(_ test: HugoCase) {
        switch (Result { try test.run() }, test.expectation) {
        case (.success(let output), .output(let expected)):
            #expect(output == expected)
        case (.success(let output), .error(let message)):
            Issue.record("Hugo failed (\(message)); this printed \(output.debugDescription)")
        case (.failure(let error), .output(let expected)):
            Issue.record("Hugo printed \(expected.debugDescription); this failed: \(error)")
        case (.failure, .error):
            break
        }
    }

    @Test func errorfFailsWithItsMessage() {
        let result = Result { try HugoCase.render(#"{{ errorf "failed: %s %d" "x" 5 }}"#) }
        #expect(result.failureDescription?.contains("failed: x 5") == true)
    }

    @Test func erroridfFailsWithItsMessage() {
        let result = Result { try HugoCase.render(#"{{ erroridf "my-id" "failed: %s" "x" }}"#) }
        #expect(result.failureDescription?.contains("failed: x") == true)
    }

    @Test func warnfPrintsNothing() throws {
        #expect(try HugoCase.render(#"a{{ warnf "warning %s" "x" }}b"#) == "ab")
    }

    @Test func counterCountsUpByOne() throws {
        let counts = try HugoCase.render("{{ math.Counter }} {{ math.Counter }}").split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 2 && counts[1] == counts[0] + 1)
    }

    @Test func namespacedFunctionsGoByTheirMethodNameInErrors() throws {
        let result = Result { try HugoCase.render(#"{{ strings.Repeat -1 "a" }}"#) }
        #expect(result.failureDescription?.contains("error calling Repeat: strings: negative Repeat count") == true)
    }
}

private extension Result where Failure == any Error {
    var failureDescription: String? {
        if case .failure(let error) = self { return "\(error)" }
        return nil
    }
}

/// One template and what Hugo printed for it, or that Hugo failed.
struct HugoCase: Decodable, CustomTestStringConvertible, Sendable {
    enum Expectation { case output(String), error(String) }

    let template: String
    private let output: String?
    private let error: String?

    var expectation: Expectation { output.map(Expectation.output) ?? .error(error ?? "") }
    var testDescription: String { template }

    static func load() throws -> [HugoCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hugo-functions.json")
        return try JSONDecoder().decode([HugoCase].self, from: Data(contentsOf: url))
    }

    func run() throws -> String { try Self.render(template) }

    static func render(_ template: String) throws -> String {
        var namespace = TemplateNamespace(functions: Builtins.functions.merging(HugoFunctions.pure) { $1 })
        try namespace.add(template, name: "index.plain.txt")
        return try namespace.prepared(escapingHTML: false).execute("index.plain.txt", data: .object(FixtureHome()))
    }
}

// MARK: The oracle site

/// The home page: `.Site`.
private final class FixtureHome: TemplateObject {
    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        member.name == "Site" ? .object(FixtureSite.shared) : nil
    }

    var typeName: String { "*hugolib.pageState" }
    var printed: String { "Page(/_index.md)" }
}

/// `.Site.RegularPages`: the oracle site's pages in Hugo's default order (by weight).
private final class FixtureSite: TemplateObject {
    static let shared = FixtureSite()

    let pages = FixturePages(pages: [
        FixturePage(path: "books/beta.md", title: "Beta", weight: 1, params: [
            "tags": .list([.string("rust")]), "rating": .int(3), "count": .int(10),
        ]),
        FixturePage(path: "films/gamma.md", title: "Gamma", weight: 2, params: [
            "tags": .list([.string("go")]), "count": .int(7), "draftish": .bool(true),
        ]),
        FixturePage(path: "books/alpha.md", title: "Alpha", weight: 3, params: [
            "params_note": .string("x"), "tags": .list([.string("go"), .string("swift")]), "rating": .float(4.5), "count": .int(3),
        ]),
    ])

    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        member.name == "RegularPages" ? .object(pages) : nil
    }

    var typeName: String { "*hugolib.SiteInfo" }
    var printed: String { "Site" }
}

private final class FixturePages: TemplateObject {
    let pages: [FixturePage]

    init(pages: [FixturePage]) { self.pages = pages }

    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        member.name == "Len" ? .int(pages.count) : nil
    }

    var typeName: String { "page.Pages" }
    var printed: String { "Pages(\(pages.count))" }
    var elements: Elements? { .list(pages.map { .object($0) }) }
}

private final class FixturePage: TemplateObject {
    let path: String
    let title: String
    let weight: Int
    let params: ValueMap

    init(path: String, title: String, weight: Int, params: [String: GoTemplates.Value]) {
        self.path = path
        self.title = title
        self.weight = weight
        self.params = ValueMap(params.merging(["title": .string(title), "weight": .int(weight)]) { $1 }, caseInsensitive: true)
    }

    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        switch member.name {
        case "Title": return .string(title)
        case "Weight": return .int(weight)
        case "Section": return .string(String(path.prefix { $0 != "/" }))
        case "Params": return .map(params)
        default: return nil
        }
    }

    var typeName: String { "*hugolib.pageState" }
    var printed: String { "Page(/\(path))" }
}
