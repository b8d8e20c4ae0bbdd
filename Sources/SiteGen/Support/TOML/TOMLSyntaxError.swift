/// Why a TOML document was rejected, and the UTF-8 offset in `TOMLCursor.bytes` (the document with CRLF read as
/// LF) that it points at; `TOMLReader` turns the offset into a line and column.
struct TOMLSyntaxError: Error {
    var offset: Int
    var message: String
}
