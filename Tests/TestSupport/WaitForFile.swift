import Foundation

/// Waits until `url` holds a complete line (a shell's `echo $? > file` finished), polling.
public func waitForFile(_ url: URL, timeout: Double = 15) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let text = try? String(contentsOf: url, encoding: .utf8), text.hasSuffix("\n") { return text }
        usleep(50_000)
    }
    throw TmuxSession.Failure.timeout("file \(url.lastPathComponent)", screen: "")
}
