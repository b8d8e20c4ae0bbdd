import Crypto
import Foundation

enum Hashing {
    /// The MD5 of `text`'s UTF-8 as lower-case hex, as Hugo prints `.File.UniqueID` and `md5`.
    static func md5Hex(_ text: String) -> String {
        Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
