/// The text of a file SwiftPM compiled into the binary (`resources: [.embedInCode(…)]` in Package.swift,
/// read as `PackageResources.<file_name>`).
enum EmbeddedFile {
    /// The file's UTF-8 text without the line break that ends the file: editors end every file with one,
    /// and a page or the stylesheet is served without it.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.last == UInt8(ascii: "\n") ? bytes.dropLast() : bytes[...], as: UTF8.self)
    }
}
