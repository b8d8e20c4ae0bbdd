import Testing
@testable import GoTemplates

/// text/template against what Go 1.19 prints for the same template and data
/// (`scripts/go-oracle/text`).
@Suite struct TextTemplateTests {
    static let cases = (try? GoOracleCase.load("text-template.json")) ?? []

    @Test func theCasesAreThere() {
        #expect(Self.cases.count > 100)
    }

    @Test(arguments: cases) func printsWhatGoPrints(_ test: GoOracleCase) {
        let result = Result { () throws -> String in
            var namespace = TemplateNamespace()
            try namespace.add(test.template, name: test.name)
            return try namespace.prepared(escapingHTML: false).execute(test.name, data: test.data?.value ?? .null)
        }
        switch result {
        case .success(let output):
            #expect(!test.failsInGo, "Go fails; SiteGen printed \(output.debugDescription)")
            if let expected = test.output { #expect(output == expected) }
        case .failure(let error):
            #expect(test.failsInGo, "Go printed \(test.output.debugDescription); SiteGen failed: \(error)")
        }
    }
}
