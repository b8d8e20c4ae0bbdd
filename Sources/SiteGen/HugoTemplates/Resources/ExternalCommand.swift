import Foundation
import GoTemplates

/// A command of the system that a resource pipe runs (Debian's `minify`, `esbuild`): its input
/// on standard input, its output from standard output, its complaint as the template's error.
enum ExternalCommand {
    /// `arguments[0]` is the command; `package` is the Debian package that has it, for the error
    /// when it is missing.
    static func run(_ arguments: [String], input: Data, in directory: URL? = nil, package: String) throws -> Data {
        let command = arguments[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
        do {
            try process.run()
        } catch {
            throw TemplateFailure("\(command): cannot run it (apt-get install \(package)): \(error)")
        }
        // Input and the error stream each on a thread of their own: a full pipe would otherwise
        // stop the command while its output waits to be read.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        let complaint = ErrorText()
        let reader = Thread { complaint.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        writer.start()
        reader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { throw TemplateFailure("\(command) is not installed (apt-get install \(package))") }
            throw TemplateFailure("\(command): \(complaint.text)")
        }
        return output
    }

    /// What the command wrote to its error stream, read on another thread.
    private final class ErrorText: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        func set(_ data: Data) {
            lock.withLock { self.data = data }
            done.signal()
        }

        var text: String {
            done.wait()
            return lock.withLock { String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }
}
