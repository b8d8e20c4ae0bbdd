import SiteGen

/// libFuzzer's entry point: one content file's bytes through the front-matter splitter and the YAML, TOML or JSON
/// reader its fence picks. A thrown `Diagnostic` is the expected answer to a malformed file; only a crash, a hang or
/// runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? FrontMatterParser.parse(text, file: "content/fuzz.md")
    return 0
}
