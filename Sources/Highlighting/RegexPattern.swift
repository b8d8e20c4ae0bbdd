import CICURegex
import Synchronization

/// A compiled ICU regular expression. It is shared between threads and never matched itself:
/// each tokeniser matches with clones of its own (`RegexMatchers`).
final class RegexPattern: @unchecked Sendable {
    fileprivate let compiled: OpaquePointer

    init?(_ pattern: String) {
        let characters = Array(pattern.utf16)
        guard let compiled = sitegen_regex_compile(characters, Int32(characters.count)) else { return nil }
        self.compiled = compiled
    }

    deinit { sitegen_regex_free(compiled) }
}

/// Text as UTF-16, which ICU matches in place.
final class MatchText {
    let characters: UnsafeMutableBufferPointer<UInt16>
    let count: Int

    init(_ text: String) {
        count = text.utf16.count
        characters = .allocate(capacity: max(1, count))
        _ = characters.initialize(from: text.utf16)
    }

    subscript(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: characters[range]), as: UTF16.self)
    }

    deinit { characters.deallocate() }
}

/// One tokeniser's matchers: a clone of each pattern it has used, pointed at the text it lexes
/// (which is kept while a matcher points at it). Used by one tokeniser at a time (the pool
/// lends it), hence unchecked.
final class RegexMatchers: @unchecked Sendable {
    private struct Clone {
        let matcher: OpaquePointer
        let groups: Int
        var text: MatchText
    }

    private var clones: [ObjectIdentifier: Clone] = [:]
    private var starts: [Int32] = [], ends: [Int32] = []

    /// The match's groups' ranges (nil for a group that took no part), when the pattern matches
    /// at `position` (as Chroma's `\G`); what is before and after it is seen by look-arounds, and
    /// `^` does not match at `position` unless a line begins there.
    func match(_ pattern: RegexPattern, in text: MatchText, at position: Int) -> [Range<Int>?]? {
        let key = ObjectIdentifier(pattern)
        var clone: Clone
        if let known = clones[key] {
            clone = known
            if clone.text !== text {
                sitegen_regex_set_text(clone.matcher, text.characters.baseAddress, Int32(text.count))
                clone.text = text
                clones[key] = clone
            }
        } else {
            guard let matcher = sitegen_regex_clone(pattern.compiled) else { return nil }
            sitegen_regex_set_text(matcher, text.characters.baseAddress, Int32(text.count))
            clone = Clone(matcher: matcher, groups: Int(sitegen_regex_group_count(matcher)) + 1, text: text)
            clones[key] = clone
        }
        if starts.count < clone.groups {
            starts = Array(repeating: 0, count: clone.groups)
            ends = starts
        }
        guard sitegen_regex_match_at(clone.matcher, Int32(position), &starts, &ends, Int32(clone.groups)) != 0 else { return nil }
        return (0..<clone.groups).map { group in starts[group] < 0 ? nil : Int(starts[group])..<Int(ends[group]) }
    }

    deinit {
        for clone in clones.values { sitegen_regex_free(clone.matcher) }
    }
}

/// Matchers kept between code blocks: cloning every pattern a lexer uses for each block cost
/// more than lexing it. One set is lent to one tokeniser at a time.
final class RegexMatcherPool: Sendable {
    private let idle = Mutex<[RegexMatchers]>([])

    func with<T>(_ body: (RegexMatchers) -> T) -> T {
        let matchers = idle.withLock { $0.popLast() } ?? RegexMatchers()
        defer { idle.withLock { $0.append(matchers) } }
        return body(matchers)
    }
}
