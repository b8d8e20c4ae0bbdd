/// Where in a source file something happened. Lines and columns count from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers and Hugo print it, so terminals and editors can jump to it.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// A problem found while building, tied to the file (and where known the line and column) that caused it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .error, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, SourceLocation(file: file, line: line, column: column), message)
    }

    public static func warning(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, SourceLocation(file: file, line: line, column: column), message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Several diagnostics at once: a build reports every broken page, not only the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// Each diagnostic once, in the order first found: a template error met by every page that
    /// uses the template is one error at the template's position.
    public init(unique diagnostics: [Diagnostic]) {
        var seen: Set<Diagnostic> = []
        self.diagnostics = diagnostics.filter { seen.insert($0).inserted }
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
