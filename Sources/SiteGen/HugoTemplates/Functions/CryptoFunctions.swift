import Crypto
import GoTemplates

/// Hugo's `crypto` namespace: digests in lower-case hexadecimal of a value converted to a string.
enum CryptoFunctions {
    static let all: [HugoFunction] = [
        digest("crypto.MD5", alias: "md5", Insecure.MD5.self),
        digest("crypto.SHA1", alias: "sha1", Insecure.SHA1.self),
        digest("crypto.SHA256", alias: "sha256", SHA256.self),
        HugoFunction("crypto.FNV32a", arity: .exactly(1)) { arguments, _ in
            .int(Int(fnv32a(Array(try GoCast.string(arguments[0]).utf8))))
        },
        HugoFunction("crypto.HMAC", aliases: ["hmac"], arity: .atLeast(3)) { arguments, _ in
            try hmac(arguments)
        },
    ]

    private static func digest<Function: HashFunction>(_ name: String, alias: String, _ function: Function.Type) -> HugoFunction {
        HugoFunction(name, aliases: [alias], arity: .exactly(1)) { arguments, _ in
            .string(hexadecimal(Function.hash(data: Array(try GoCast.string(arguments[0]).utf8))))
        }
    }

    /// `hmac HASH KEY MESSAGE [ENCODING]`: HASH one of md5, sha1, sha256 and sha512; ENCODING
    /// "hex" (the default) or "binary".
    private static func hmac(_ arguments: [TemplateValue]) throws -> TemplateValue {
        guard arguments.count <= 4 else { throw TemplateFailure("wrong number of args for hmac: want at most 4 got \(arguments.count)") }
        let hash = try GoCast.string(arguments[0])
        let key = SymmetricKey(data: Array(try GoCast.string(arguments[1]).utf8))
        let message = Array(try GoCast.string(arguments[2]).utf8)
        let encoding = arguments.count == 4 ? try GoCast.string(arguments[3]) : "hex"
        let code: [UInt8]
        switch hash {
        case "md5": code = Array(HMAC<Insecure.MD5>.authenticationCode(for: message, using: key))
        case "sha1": code = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case "sha256": code = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case "sha512": code = Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        default: throw TemplateFailure("hmac: \(hash) is not a supported hash function")
        }
        switch encoding {
        case "hex": return .string(hexadecimal(code))
        case "binary": return .string(String(decoding: code, as: UTF8.self))
        default: throw TemplateFailure("\(GoFormat.sprintf("%q", [.string(encoding)])) is not a supported encoding method")
        }
    }

    private static func hexadecimal<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 32-bit FNV-1a hash.
    private static func fnv32a(_ bytes: [UInt8]) -> UInt32 {
        bytes.reduce(2_166_136_261) { hash, byte in (hash ^ UInt32(byte)) &* 16_777_619 }
    }
}
