import Foundation
import Testing
@testable import SiteGen

@Suite struct DataParserTests {
    static let midnight = Date(timeIntervalSince1970: 1_576_195_200) // 2019-12-13T00:00:00Z

    @Test func recognisesFileExtensions() {
        #expect(DataFormat(fileExtension: "yaml") == .yaml)
        #expect(DataFormat(fileExtension: "yml") == .yaml)
        #expect(DataFormat(fileExtension: "TOML") == .toml)
        #expect(DataFormat(fileExtension: "json") == .json)
        #expect(DataFormat(fileExtension: "md") == nil)
    }

    // MARK: YAML

    @Test func yamlScalarsAreTypedByTheCoreSchema() throws {
        let yaml = """
            title: Hello
            quoted: "123"
            single: 'true'
            count: 42
            negative: -7
            hex: 0x1F
            octal: 0o17
            leadingZero: 010
            ratio: 2.5
            exponent: 1e3
            infinite: -.inf
            flag: true
            shout: FALSE
            answer: yes
            country: NO
            empty:
            tilde: ~
            day: 2019-12-13
            moment: 2019-12-13T10:00:00+01:00
            spaced: 2019-12-13 10:00:00
            version: 1.2.3
            clock: 1:30
            block: |
              line one
              line two
            """
        let values = try DataParser.parse(yaml, format: .yaml, file: "data.yaml")
        #expect(values["title"] == .string("Hello"))
        #expect(values["quoted"] == .string("123"))
        #expect(values["single"] == .string("true"))
        #expect(values["count"] == .int(42))
        #expect(values["negative"] == .int(-7))
        #expect(values["hex"] == .int(31))
        #expect(values["octal"] == .int(15))
        #expect(values["leadingZero"] == .int(10))
        #expect(values["ratio"] == .double(2.5))
        #expect(values["exponent"] == .double(1000))
        #expect(values["infinite"] == .double(-.infinity))
        #expect(values["flag"] == .bool(true))
        #expect(values["shout"] == .bool(false))
        #expect(values["answer"] == .string("yes"))
        #expect(values["country"] == .string("NO"))
        #expect(values["empty"] == nil)
        #expect(values["tilde"] == nil)
        #expect(values["day"] == .date(Self.midnight))
        // The offset as written is kept: templates print the date in it, as Hugo does.
        #expect(values["moment"] == .date(Self.midnight.addingTimeInterval(9 * 3_600), offset: 3_600))
        #expect(values["spaced"] == .date(Self.midnight.addingTimeInterval(10 * 3_600)))
        #expect(values["version"] == .string("1.2.3"))
        #expect(values["clock"] == .string("1:30"))
        #expect(values["block"] == .string("line one\nline two"))
    }

    @Test func yamlNestsTablesAndLists() throws {
        let yaml = """
            params:
              author: Ann
              tags: [a, b, ~]
              nested: {deep: {x: 1}}
            list:
              - one
              - two: 2
            """
        let values = try DataParser.parse(yaml, format: .yaml, file: "data.yaml")
        #expect(values["params"] == .table([
            "author": .string("Ann"),
            "tags": .array([.string("a"), .string("b")]),
            "nested": .table(["deep": .table(["x": .int(1)])]),
        ]))
        #expect(values["list"] == .array([.string("one"), .table(["two": .int(2)])]))
    }

    @Test func yamlMergeKeysAndAliases() throws {
        let yaml = """
            base: &base
              color: red
              size: 1
            derived:
              <<: *base
              size: 2
            copy: *base
            """
        let values = try DataParser.parse(yaml, format: .yaml, file: "data.yaml")
        #expect(values["derived"] == .table(["color": .string("red"), "size": .int(2)]))
        #expect(values["copy"] == .table(["color": .string("red"), "size": .int(1)]))
    }

    @Test func yamlEmptyDocumentsAreEmptyTables() throws {
        #expect(try DataParser.parse("", format: .yaml, file: "a.yaml").isEmpty)
        #expect(try DataParser.parse("# only a comment\n", format: .yaml, file: "a.yaml").isEmpty)
        #expect(try DataParser.parse("~\n", format: .yaml, file: "a.yaml").isEmpty)
    }

    @Test func yamlTopLevelMustBeATable() {
        let error = #expect(throws: Diagnostic.self) {
            try DataParser.parse("- a\n- b\n", format: .yaml, file: "list.yaml")
        }
        #expect(error?.location == SourceLocation(file: "list.yaml", line: 1, column: 1))
        #expect(error?.message.contains("top level must be a table") == true)
    }

    @Test func yamlErrorsCarryLineAndColumnPlusOffset() {
        let yaml = "title: ok\ntags: [a, b\nweight: 3\n"
        let plain = #expect(throws: Diagnostic.self) { try DataParser.parse(yaml, format: .yaml, file: "a.yaml") }
        let offset = #expect(throws: Diagnostic.self) {
            try DataParser.parse(yaml, format: .yaml, file: "a.yaml", lineOffset: 10)
        }
        #expect(plain?.location.file == "a.yaml")
        #expect(plain?.message.hasPrefix("invalid YAML") == true)
        #expect(plain?.location.line == 3)
        #expect(plain?.location.column == 7)
        #expect(offset?.location.line == 13)
    }

    /// Hugo takes a key written twice, keeping the last value; SiteGen does too, and says so.
    @Test func yamlDuplicateKeysKeepTheLastValueWithAWarning() throws {
        let parsed = try DataParser.parseTable("title: a\nother: b\ntitle: c\nnested: {x: 1, x: 2}\n",
                                               format: .yaml, file: "dup.yaml", lineOffset: 1)
        #expect(parsed.values == ["title": .string("c"), "other": .string("b"), "nested": .table(["x": .int(2)])])
        #expect(parsed.keyLines["title"] == 4)
        #expect(parsed.warnings == [
            .warning("dup.yaml", line: 4, column: 1, "duplicate key `title` (also on line 2): the last value is used, as Hugo does"),
            .warning("dup.yaml", line: 5, column: 16, "duplicate key `x` (also on line 5): the last value is used, as Hugo does"),
        ])
    }

    @Test func yamlKeyLines() throws {
        let parsed = try DataParser.parseTable("title: a\n\nparams:\n  x: 1\nlast: z\n", format: .yaml, file: "a.yaml", lineOffset: 1)
        #expect(parsed.keyLines == ["title": 2, "params": 4, "last": 6])
    }

    // MARK: TOML

    @Test func tomlValuesAndDates() throws {
        let toml = """
            title = "Hello"
            count = 42
            ratio = 2.5
            flag = false
            day = 2019-12-13
            local = 2019-12-13T10:00:00
            moment = 2019-12-13T10:00:00+01:00
            utc = 2019-12-13T10:00:00.5Z
            alarm = 07:30:00
            tags = ["a", "b"]
            mixed = [1, "two"]

            [params]
            author = "Ann"
            [params.deep]
            x = 1

            [[menus.main]]
            name = "Home"
            weight = 1
            """
        let values = try DataParser.parse(toml, format: .toml, file: "config.toml")
        let ten = Self.midnight.addingTimeInterval(10 * 3_600)
        #expect(values["title"] == .string("Hello"))
        #expect(values["count"] == .int(42))
        #expect(values["ratio"] == .double(2.5))
        #expect(values["flag"] == .bool(false))
        #expect(values["day"] == .date(Self.midnight))
        #expect(values["local"] == .date(ten))
        #expect(values["moment"] == .date(ten.addingTimeInterval(-3_600), offset: 3_600))
        #expect(values["utc"] == .date(ten.addingTimeInterval(0.5)))
        #expect(values["alarm"] == .string("07:30:00"))
        #expect(values["tags"] == .array([.string("a"), .string("b")]))
        #expect(values["mixed"] == .array([.int(1), .string("two")]))
        #expect(values["params"] == .table(["author": .string("Ann"), "deep": .table(["x": .int(1)])]))
        #expect(values["menus"] == .table(["main": .array([.table(["name": .string("Home"), "weight": .int(1)])])]))
    }

    @Test func tomlErrorsCarryLineAndColumn() {
        let error = #expect(throws: Diagnostic.self) {
            try DataParser.parse("title = \"ok\"\nweight = \n", format: .toml, file: "a.toml", lineOffset: 1)
        }
        #expect(error?.location.file == "a.toml")
        #expect(error?.location.line == 3)
        #expect(error?.location.column != nil)
        #expect(error?.message.hasPrefix("invalid TOML") == true)
    }

    @Test func tomlKeyLines() throws {
        let toml = """
            title = "a"
            "quoted key" = 1
            site.name = "x"
            # weight = 3

            [params]
            inner = 1
            [[menus.main]]
            name = "Home"
            """
        let parsed = try DataParser.parseTable(toml, format: .toml, file: "a.toml")
        #expect(parsed.keyLines == ["title": 1, "quoted key": 2, "site": 3, "params": 6, "menus": 8])
    }

    @Test func tomlEmptyDocument() throws {
        #expect(try DataParser.parse("", format: .toml, file: "a.toml").isEmpty)
    }

    // MARK: JSON

    @Test func jsonKeepsBooleansApartFromNumbers() throws {
        let json = """
            {"flag": true, "off": false, "one": 1, "zero": 0, "ratio": 2.5, "whole": 2.0, "name": "x",
             "nothing": null, "list": [1, true, "s", null], "table": {"a": {"b": "c"}}}
            """
        let values = try DataParser.parse(json, format: .json, file: "a.json")
        #expect(values["flag"] == .bool(true))
        #expect(values["off"] == .bool(false))
        #expect(values["one"] == .int(1))
        #expect(values["zero"] == .int(0))
        #expect(values["ratio"] == .double(2.5))
        #expect(values["whole"] == .double(2))
        #expect(values["name"] == .string("x"))
        #expect(values["nothing"] == nil)
        #expect(values["list"] == .array([.int(1), .bool(true), .string("s")]))
        #expect(values["table"] == .table(["a": .table(["b": .string("c")])]))
    }

    @Test func jsonErrorsCarryLineAndColumn() {
        let error = #expect(throws: Diagnostic.self) {
            try DataParser.parse("{\n  \"a\": 1,\n  \"b\": nope\n}", format: .json, file: "a.json", lineOffset: 4)
        }
        #expect(error?.location.file == "a.json")
        #expect(error?.location.line == 7)
        #expect(error?.location.column != nil)
        #expect(error?.message.hasPrefix("invalid JSON") == true)
    }

    @Test func jsonTopLevelMustBeAnObject() {
        let error = #expect(throws: Diagnostic.self) { try DataParser.parse("[1, 2]", format: .json, file: "a.json") }
        #expect(error?.location.line == 1)
        #expect(error?.message.contains("top level must be an object") == true)
    }

    @Test func jsonEmptyDocumentAndKeyLines() throws {
        #expect(try DataParser.parse("  \n", format: .json, file: "a.json").isEmpty)
        let parsed = try DataParser.parseTable(
            "{\n  \"title\": \"a\",\n  \"params\": {\"title\": \"nested\", \"x\": [\"y:z\"]},\n  \"b\\\"q\": 1\n}",
            format: .json, file: "a.json"
        )
        #expect(parsed.keyLines["title"] == 2)
        #expect(parsed.keyLines["params"] == 3)
        #expect(parsed.keyLines["x"] == nil)
    }

    @Test func parsesConcurrently() async throws {
        let documents: [(String, DataFormat)] = [
            ("title: a\ndate: 2019-12-13\ntags: [x, y]\n", .yaml),
            ("title = \"a\"\ndate = 2019-12-13\ntags = [\"x\", \"y\"]\n", .toml),
            ("{\"title\": \"a\", \"date\": \"2019-12-13\", \"tags\": [\"x\", \"y\"]}", .json),
        ]
        let results = try await withThrowingTaskGroup(of: [String: Value].self) { group in
            for index in 0..<150 {
                let (text, format) = documents[index % documents.count]
                group.addTask { try DataParser.parse(text, format: format, file: "f") }
            }
            return try await group.reduce(into: [[String: Value]]()) { $0.append($1) }
        }
        #expect(results.count == 150)
        #expect(results.allSatisfy { $0["title"] == .string("a") && $0["tags"] == .array([.string("x"), .string("y")]) })
    }
}
