import Foundation

/// A greeting, said once per name.
struct Greeter<Name: StringProtocol>: Sendable {
    let names: [Name]
    var count: Int { names.count }

    func greet(loudly: Bool = false) async throws -> [String] {
        names.map { name in
            let text = "Hello, \(name)! #\(0x2A) \u{1F600}"
            return loudly ? text.uppercased() : text
        }
    }
}

@main enum Main {
    static func main() async {
        let raw = #"a "raw" string"#
        let multi = """
            Line one
            Line two \(raw)
            """
        guard let result = try? await Greeter(names: ["Ada", "Grace"]).greet() else { return }
        print(result, multi, 3.14e-2, 1_000, 0b1010, [1: "a"] as [Int: String])
    }
}
