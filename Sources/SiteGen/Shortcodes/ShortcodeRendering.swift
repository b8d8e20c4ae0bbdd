/// How a shortcode becomes HTML (or Markdown, for the `{{% %}}` form). SiteGen supplies one that
/// renders the site's `templates/shortcodes/NAME.mustache` and falls back to `BuiltinShortcodes`.
public protocol ShortcodeRendering: Sendable {
    func has(_ name: String) -> Bool
    /// The shortcodes it has, for "did you mean".
    var names: [String] { get }
    func render(_ call: ShortcodeCall) throws(Diagnostic) -> String
}

extension ShortcodeRendering {
    public var names: [String] { [] }
}
