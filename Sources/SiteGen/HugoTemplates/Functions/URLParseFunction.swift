import Foundation
import GoTemplates

/// `urls.Parse`: Go's `*url.URL` of a string, with the fields and methods templates read.
final class ParsedURLObject: TemplateObject {
    let text: String
    let components: URLComponents?

    init(_ text: String) {
        self.text = text
        components = URLComponents(string: text)
    }

    static let function = FunctionReference("urls.Parse") { arguments, _ in
        let text = try Arguments(arguments, "urls.Parse").string(0)
        guard URLComponents(string: text) != nil || text.isEmpty else { throw TemplateFailure("parse \"\(text)\": invalid URL") }
        return .object(ParsedURLObject(text))
    }

    var typeName: String { "*url.URL" }
    var printed: String { text }
    private var scheme: String { components?.scheme ?? "" }

    static let members = MemberTable<ParsedURLObject>([
        "IsAbs": { url, _, _ in .bool(!url.scheme.isEmpty) },
        "Scheme": { url, _, _ in .string(url.scheme) },
        "Host": { url, _, _ in
            let host = url.components?.host ?? ""
            return .string(url.components?.port.map { "\(host):\($0)" } ?? host)
        },
        "Hostname": { url, _, _ in .string(url.components?.host ?? "") },
        "Port": { url, _, _ in .string(url.components?.port.map(String.init) ?? "") },
        "Path": { url, _, _ in .string(url.components?.path ?? "") },
        "RawQuery": { url, _, _ in .string(url.components?.percentEncodedQuery ?? "") },
        "Fragment": { url, _, _ in .string(url.components?.fragment ?? "") },
        "String": { url, _, _ in .string(url.text) },
        "Query": { url, _, _ in
            var query: [String: TemplateValue] = [:]
            for item in url.components?.queryItems ?? [] {
                if case .list(let values)? = query[item.name] {
                    query[item.name] = .list(values + [.string(item.value ?? "")])
                } else {
                    query[item.name] = .list([.string(item.value ?? "")])
                }
            }
            return .map(ValueMap(query))
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
