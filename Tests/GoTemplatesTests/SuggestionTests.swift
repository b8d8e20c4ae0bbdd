import Testing
@testable import GoTemplates

@Suite struct SuggestionTests {
    @Test func aTypingMistakeFindsWhatWasMeant() {
        let commands = ["build", "serve", "card", "new", "check"]
        #expect(Suggestion.closest(to: "biuld", among: commands) == "build")
        #expect(Suggestion.closest(to: "serv", among: commands) == "serve")
        #expect(Suggestion.closest(to: "chekc", among: commands) == "check")
        #expect(Suggestion.closest(to: "Titel", among: ["Title", "Type", "Date"]) == "Title")
    }

    @Test func aNameFarFromEveryCandidateFindsNone() {
        #expect(Suggestion.closest(to: "deploy", among: ["build", "serve", "card", "new", "check"]) == nil)
        // Two edits in a three-letter name is another word.
        #expect(Suggestion.closest(to: "cat", among: ["car", "new"]) == "car")
        #expect(Suggestion.closest(to: "xyz", among: ["new"]) == nil)
    }

    @Test func aFieldATemplateMistypesIsSuggested() throws {
        final class Page: TemplateObject {
            static let members = MemberTable<Page>(["Title": { _, _, _ in .string("T") }, "Date": { _, _, _ in .string("D") }])
            var typeName: String { "*hugolib.pageState" }
            var printed: String { "Page" }
            var memberNames: [String] { Self.members.names }
            func value(of member: Member, arguments: [Value], context: CallContext) throws -> Value? {
                try Self.members.value(of: self, member, arguments, context)
            }
        }
        var namespace = TemplateNamespace()
        try namespace.add("{{ .Titel }}", name: "t")
        #expect(throws: TemplateExecutionError.self) { try namespace.prepared(escapingHTML: true).execute("t", data: .object(Page())) }
        do {
            _ = try namespace.prepared(escapingHTML: true).execute("t", data: .object(Page()))
        } catch {
            #expect(error.message == "can't evaluate field Titel in type *hugolib.pageState (did you mean 'Title'?)")
        }
    }

    @Test func aFunctionATemplateMistypesIsSuggested() {
        var namespace = TemplateNamespace()
        #expect {
            try namespace.add("{{ urlqeury \"a b\" }}", name: "t")
        } throws: { error in
            (error as? TemplateSyntaxError)?.message == "function \"urlqeury\" not defined (did you mean 'urlquery'?)"
        }
        #expect {
            try namespace.add("{{ deploy }}", name: "u")
        } throws: { error in
            (error as? TemplateSyntaxError)?.message == "function \"deploy\" not defined"
        }
    }
}
