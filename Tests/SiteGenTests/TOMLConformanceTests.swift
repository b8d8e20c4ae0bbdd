import Foundation
import Testing
@testable import SiteGen

/// SiteGen's TOML reader against Python's tomllib, on the documents `scripts/toml-corpus` generated and read
/// with it: the same values for every document tomllib accepts, an error for every one it rejects.
@Suite struct TOMLConformanceTests {
    private struct Entry: Decodable {
        var toml: String
        var expected: String
    }

    /// `TOML_CORPUS` names a larger corpus for a longer run; the tests read the one in the repository.
    static let corpus: URL = ProcessInfo.processInfo.environment["TOML_CORPUS"].map(URL.init(fileURLWithPath:))
        ?? TestSite.repositoryRoot.appendingPathComponent("Tests/SiteGenTests/Fixtures/toml-corpus.json")

    @Test func agreesWithTomllib() throws {
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: Self.corpus))
        var disagreements: [String] = []
        for (index, entry) in entries.enumerated() {
            let actual: String
            do {
                actual = Self.canonical(.table(try DataParser.parse(entry.toml, format: .toml, file: "corpus.toml")))
            } catch {
                actual = "error (\(error))"
            }
            let agrees = entry.expected == "error" ? actual.hasPrefix("error") : actual == entry.expected
            if !agrees {
                disagreements.append("#\(index) \(entry.toml.debugDescription)\n  tomllib: \(entry.expected)\n  SiteGen: \(actual)")
            }
        }
        #expect(entries.count > 0)
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(entries.count) differ:\n\(disagreements.prefix(5).joined(separator: "\n"))")
    }

    /// The form `scripts/toml-corpus` writes: typed, unambiguous, independent of either language's number printing.
    static func canonical(_ value: Value) -> String {
        switch value {
        case .string(let text): "s" + hex(Array(text.utf8))
        case .int(let number): "i\(number)"
        case .double(let number) where number.isNaN: "fnan"
        case .double(let number): "f" + String(format: "%016llx", number.bitPattern)
        case .bool(let flag): flag ? "btrue" : "bfalse"
        case .date(let date, _): "d\(Int((date.timeIntervalSince1970 * 1_000).rounded()))"
        case .array(let items): "[" + items.map(canonical).joined(separator: ",") + "]"
        case .table(let table):
            "{" + table.map { (hex(Array($0.key.utf8)), canonical($0.value)) }.sorted { $0.0 < $1.0 }
                .map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
