/// A template that cannot be parsed, at its position. The file is added by whoever parsed it.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let position: SourcePosition

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}
