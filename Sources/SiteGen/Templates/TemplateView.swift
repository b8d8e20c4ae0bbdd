import Mustache

/// The result of asking a view model for a key.
enum Lookup {
    /// The key exists; its value may be absent (`page.date` on an undated page).
    case found(Any?)
    /// No view model of this type has the key.
    case unknown
}

/// A view model handed to Mustache. swift-mustache renders a key it cannot find as empty text, so
/// every lookup goes through `lookup(_:)` and reports to `KeyRecorder`, which turns a typo such as
/// `{{page.titel}}` into a build error instead of a silently empty spot in the page.
protocol TemplateView: MustacheParent {
    func lookup(_ key: String) -> Lookup
}

extension TemplateView {
    func child(named name: String) -> Any? {
        switch lookup(name) {
        case .found(let value):
            KeyRecorder.current?.found(name)
            // Mustache treats "" as true; Hugo's templates, and ours, test "is there a description".
            if let text = value as? String, text.isEmpty { return nil }
            return value
        case .unknown:
            KeyRecorder.current?.missed(name)
            return nil
        }
    }
}

/// Collects the keys asked for during one render. Mustache climbs the context stack, so a key
/// missed by the innermost view may be found further out; only a key that no view knew at any
/// point is unknown.
final class KeyRecorder: @unchecked Sendable {
    @TaskLocal static var current: KeyRecorder?

    private var foundKeys: Set<String> = []
    private var missedKeys: [String] = []

    func found(_ key: String) { foundKeys.insert(key) }
    func missed(_ key: String) { missedKeys.append(key) }

    /// Keys that were asked for and never found, in the order first asked.
    var unknownKeys: [String] {
        var seen: Set<String> = []
        return missedKeys.filter { !foundKeys.contains($0) && seen.insert($0).inserted }
    }
}
