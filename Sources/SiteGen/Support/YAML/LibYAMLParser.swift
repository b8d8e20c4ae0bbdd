import CYaml

/// libyaml's event parser over one document's bytes. SiteGen reads the events itself (see `YAMLComposer`) and
/// takes libyaml from Yams, which builds it as the `CYaml` module.
final class LibYAMLParser {
    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    /// `text` must not be empty: libyaml asserts that its input has an address.
    init(_ text: String) {
        precondition(!text.utf8.isEmpty)
        bytes = .allocate(capacity: text.utf8.count)
        _ = bytes.initialize(from: text.utf8)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// The next event, or libyaml's description of why there is none.
    func next() -> Result<LibYAMLEvent, LibYAMLParser.Failure> {
        let event = LibYAMLEvent()
        guard yaml_parser_parse(&parser, &event.raw) == 1 else { return .failure(failure) }
        return .success(event)
    }

    /// A syntax error: where (lines and columns from 0, or a byte offset for an encoding problem) and why.
    struct Failure: Error {
        var problem: String
        var context: String?
        var mark: (line: Int, column: Int)?
        var byteOffset: Int?
    }

    private var failure: Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            return Failure(problem: problem, byteOffset: parser.problem_offset)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            return Failure(problem: problem, context: parser.context.map { String(cString: $0) },
                           mark: (parser.problem_mark.line, parser.problem_mark.column))
        default:
            return Failure(problem: problem)
        }
    }
}

/// One libyaml event, freed with it.
final class LibYAMLEvent {
    var raw = yaml_event_t()

    deinit { yaml_event_delete(&raw) }

    enum Kind {
        case documentStart, streamEnd, scalar, alias, sequenceStart, mappingStart, collectionEnd, other
    }

    var kind: Kind {
        switch raw.type {
        case YAML_DOCUMENT_START_EVENT: .documentStart
        case YAML_STREAM_END_EVENT: .streamEnd
        case YAML_SCALAR_EVENT: .scalar
        case YAML_ALIAS_EVENT: .alias
        case YAML_SEQUENCE_START_EVENT: .sequenceStart
        case YAML_MAPPING_START_EVENT: .mappingStart
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: .collectionEnd
        default: .other
        }
    }
    /// Lines and columns from 0.
    var mark: (line: Int, column: Int) { (raw.start_mark.line, raw.start_mark.column) }

    var anchor: String? {
        switch raw.type {
        case YAML_SCALAR_EVENT: Self.string(raw.data.scalar.anchor)
        case YAML_SEQUENCE_START_EVENT: Self.string(raw.data.sequence_start.anchor)
        case YAML_MAPPING_START_EVENT: Self.string(raw.data.mapping_start.anchor)
        case YAML_ALIAS_EVENT: Self.string(raw.data.alias.anchor)
        default: nil
        }
    }

    var scalarText: String {
        String(decoding: UnsafeBufferPointer(start: raw.data.scalar.value, count: raw.data.scalar.length), as: UTF8.self)
    }

    var scalarTag: String? { Self.string(raw.data.scalar.tag) }
    var isPlainScalar: Bool { raw.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
