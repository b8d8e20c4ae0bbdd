import Foundation
import Testing
@testable import SiteGen

@Suite struct TOMLReaderTests {
    static let midnight = Date(timeIntervalSince1970: 1_576_195_200) // 2019-12-13T00:00:00Z

    private func parse(_ toml: String) throws -> [String: Value] {
        try DataParser.parse(toml, format: .toml, file: "a.toml")
    }

    /// The diagnostic for `toml`, read as front matter whose first line is the file's line 2.
    private func error(_ toml: String) -> Diagnostic? {
        #expect(throws: Diagnostic.self) { try DataParser.parse(toml, format: .toml, file: "a.toml", lineOffset: 1) }
    }

    // MARK: Values

    @Test func strings() throws {
        let values = try parse(#"""
            basic = "tab\there \"quoted\" \\ \u00E9 \U0001F600 \b\f\r\n"
            literal = 'C:\Users\no escapes'
            multi = """
            first \
                  joined
            two ""quotes"" here"""
            edge = """"quoted""""
            lines = '''
            raw \n line
            second'''
            emptyish = ''''''
            """#)
        #expect(values["basic"] == .string("tab\there \"quoted\" \\ é 😀 \u{08}\u{0C}\r\n"))
        #expect(values["literal"] == .string(#"C:\Users\no escapes"#))
        #expect(values["multi"] == .string("first joined\ntwo \"\"quotes\"\" here"))
        #expect(values["edge"] == .string("\"quoted\""))
        #expect(values["lines"] == .string("raw \\n line\nsecond"))
        #expect(values["emptyish"] == .string(""))
    }

    @Test func numbers() throws {
        let values = try parse("""
            decimal = +1_000
            negative = -17
            zero = -0
            hex = 0xDEAD_beef
            octal = 0o7_55
            binary = 0b1101_0110
            float = 6.626e-34
            exponent = 5E+2_2
            fraction = -0.01
            big = 9_223_372_036_854_775_807
            infinite = -inf
            positive = +inf
            notANumber = nan
            """)
        #expect(values["decimal"] == .int(1_000))
        #expect(values["negative"] == .int(-17))
        #expect(values["zero"] == .int(0))
        #expect(values["hex"] == .int(0xDEADBEEF))
        #expect(values["octal"] == .int(0o755))
        #expect(values["binary"] == .int(0b1101_0110))
        #expect(values["float"] == .double(6.626e-34))
        #expect(values["exponent"] == .double(5e22))
        #expect(values["fraction"] == .double(-0.01))
        #expect(values["big"] == .int(Int.max))
        #expect(values["infinite"] == .double(-.infinity))
        #expect(values["positive"] == .double(.infinity))
        #expect(values["notANumber"]?.isNaN == true)
    }

    @Test func datesAndTimes() throws {
        let values = try parse("""
            offset = 2019-12-13T10:00:00+01:00
            utc = 2019-12-13 10:00:00.25z
            local = 2019-12-13t10:00:00
            day = 2019-12-13
            alarm = 07:30:00.999
            """)
        let ten = Self.midnight.addingTimeInterval(10 * 3_600)
        #expect(values["offset"] == .date(ten.addingTimeInterval(-3_600), offset: 3_600))
        #expect(values["utc"] == .date(ten.addingTimeInterval(0.25)))
        #expect(values["local"] == .date(ten))
        #expect(values["day"] == .date(Self.midnight))
        #expect(values["alarm"] == .string("07:30:00"))
    }

    @Test func tablesArraysAndDottedKeys() throws {
        let values = try parse("""
            site.title = "x"
            site."quoted.part".deep = true
            inline = { name = "Ann", nested = { x = 1 }, dotted.key = 2 }
            list = [ 1, "two",   # mixed, with a comment
              [3], { four = 4 },
            ]

            [params.deep]
            x = 1
            [params]
            y = 2

            [[menus.main]]
            name = "Home"
            [menus.main.sub]
            z = 3
            [[menus.main]]
            name = "About"
            """)
        #expect(values["site"] == .table(["title": .string("x"), "quoted.part": .table(["deep": .bool(true)])]))
        #expect(values["inline"] == .table(["name": .string("Ann"), "nested": .table(["x": .int(1)]),
                                            "dotted": .table(["key": .int(2)])]))
        #expect(values["list"] == .array([.int(1), .string("two"), .array([.int(3)]), .table(["four": .int(4)])]))
        #expect(values["params"] == .table(["deep": .table(["x": .int(1)]), "y": .int(2)]))
        #expect(values["menus"] == .table(["main": .array([
            .table(["name": .string("Home"), "sub": .table(["z": .int(3)])]),
            .table(["name": .string("About")]),
        ])]))
    }

    @Test func crlfLineEndingsAndComments() throws {
        let values = try parse("# top\r\ntitle = \"a\" # after\r\n[t] # header\r\nx = '''\r\nb'''\r\n")
        #expect(values == ["title": .string("a"), "t": .table(["x": .string("b")])])
    }

    // MARK: Errors

    /// toml++ (inside TOMLKit) aborted the whole process on these; they are ordinary errors now.
    @Test func inputsThatAbortedTheProcess() {
        let bracket = error("[{")
        #expect(bracket?.location == SourceLocation(file: "a.toml", line: 2, column: 2))
        #expect(bracket?.message == "invalid TOML: expected a key, found '{'")

        let header = error("[[\n")
        #expect(header?.location == SourceLocation(file: "a.toml", line: 2, column: 3))
        #expect(header?.message == "invalid TOML: expected a key, found the end of the line")

        let array = error("x = [}")
        #expect(array?.location == SourceLocation(file: "a.toml", line: 2, column: 6))
        #expect(array?.message == "invalid TOML: expected a value, found '}'")
    }

    @Test func duplicateKeysAndRedefinedTables() {
        let key = error("title = 1\n\"title\" = 2")
        #expect(key?.location == SourceLocation(file: "a.toml", line: 3, column: 1))
        #expect(key?.message == "invalid TOML: duplicate key `title` (first set on line 2)")

        let table = error("[a]\nx = 1\n[b]\n[ a ]")
        #expect(table?.location == SourceLocation(file: "a.toml", line: 5, column: 3))
        #expect(table?.message == "invalid TOML: the table `a` is defined twice (first on line 2)")

        let dotted = error("[fruit]\napple.color = 'red'\n[fruit.apple]")
        #expect(dotted?.location == SourceLocation(file: "a.toml", line: 4, column: 8))

        let inline = error("point = { x = 1 }\n[point]")
        #expect(inline?.location == SourceLocation(file: "a.toml", line: 3, column: 2))
        #expect(inline?.message == "invalid TOML: `point` is already a value (line 2); a header cannot add to it")

        let staticArray = error("list = []\n[[list]]")
        #expect(staticArray?.location == SourceLocation(file: "a.toml", line: 3, column: 3))

        let tableThenArray = error("[a]\n[[a]]")
        #expect(tableThenArray?.message == "invalid TOML: `a` is a table (line 2), not an array of tables")

        let intoInline = error("a = { b = 1 }\na.c = 2")
        #expect(intoInline?.location == SourceLocation(file: "a.toml", line: 3, column: 1))
    }

    @Test func malformedValues() {
        let cases: [(toml: String, column: Int, message: String)] = [
            ("x = 01", 5, "'01' is not a valid number"),
            ("x = 1__0", 5, "'1__0' is not a valid number"),
            ("x = -0x1", 5, "'-0x1' is not a valid number"),
            ("x = 9223372036854775808", 5, "the integer 9223372036854775808 does not fit in 64 bits"),
            ("x = 1.", 5, "'1.' is not a valid number"),
            ("x = 2019-02-30", 5, "invalid date or time"),
            ("x = 07:30", 10, "expected ':' and seconds in the time, found the end of the document"),
            ("x = \"a\\qb\"", 7, "unknown escape: a backslash followed by 'q'"),
            ("x = \"\\uD800\"", 6, "\\u must be followed by 4 hexadecimal digits naming a Unicode scalar value"),
            ("x = \"open\ny = 1", 10, "the string is not closed before the end of the line"),
            ("x = { a = 1, }", 14, "expected a key, found '}'"),
            ("x = { a = 1\n}", 12, "expected ',' or '}' in the inline table, found the end of the line"),
            ("x = 1 y = 2", 7, "expected the end of the line after a value, found 'y'"),
            ("x = truex", 9, "expected the end of the line after a value, found 'x'"),
            ("x = \"\u{7F}\"", 6, "a string may not contain the control character U+007F; write it as an escape"),
            ("x = '''a''''''", 14, "too many quotes: at most two may stand before the closing three"),
        ]
        for (toml, column, message) in cases {
            let diagnostic = error(toml)
            #expect(diagnostic?.location.column == column, "\(toml)")
            #expect(diagnostic?.message == "invalid TOML: " + message, "\(toml)")
        }
    }

    /// Nesting is limited, so that neither reading nor later passes over the values exhaust the stack.
    @Test func deepNestingIsAnError() throws {
        let deep = error("x = " + String(repeating: "[", count: 10_000))
        #expect(deep?.location == SourceLocation(file: "a.toml", line: 2, column: 5 + TOMLParser.maximumNesting))
        #expect(try parse("x = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100))["x"] != nil)
    }

    // MARK: In a site

    /// The three inputs that aborted the process, in each kind of file that is read as TOML: each build fails
    /// with the file, line and column, and the process goes on.
    @Test func malformedTOMLFailsTheBuildInEveryFile() throws {
        for input in ["[{", "[[\n", "x = [}"] {
            let config = try TestSite(["config.toml": "title = 'x'\n" + input]).failedBuild()
            #expect(config.map { [$0.location.file, "\($0.location.line ?? 0)"] } == [["config.toml", "2"]])

            let page = try TestSite(["content/post.md": "+++\ntitle = 'x'\n\(input)\n+++\nBody\n"]).failedBuild()
            #expect(page.map { [$0.location.file, "\($0.location.line ?? 0)"] } == [["content/post.md", "3"]])

            let strings = try TestSite(["i18n/en.toml": input]).failedBuild()
            #expect(strings.map { [$0.location.file, "\($0.location.line ?? 0)"] } == [["i18n/en.toml", "1"]])
        }
    }
}

private extension Value {
    var isNaN: Bool {
        if case .double(let number) = self { return number.isNaN }
        return false
    }
}
