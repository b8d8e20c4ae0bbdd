import Highlighting
import Testing

@Suite struct LexerTests {
    @Test func everyLexerCompiles() throws {
        let failures = LexerRegistry.shared.compilationFailures()
        #expect(failures.isEmpty, "\(failures.count) failed:\n\(failures.joined(separator: "\n"))")
    }
}
