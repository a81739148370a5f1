/// A problem found in content, reported as `path:line:column: error|warning: message`, or as
/// `path: error|warning: message` for a folder or a missing file (which have no line or column).
public struct Diagnostic: Sendable, Equatable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable { case error, warning }

    public var path: String
    /// 1-based; 0 when the problem is the file as a whole (it then prints as line 1).
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// False for a problem with a folder as a whole (`content` holds no pages, a folder cannot be
    /// read) or a file that is missing: it prints with no line or column, which would read as a
    /// place in a file.
    public var hasPosition: Bool

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String,
                hasPosition: Bool = true) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hasPosition = hasPosition
    }

    public static func error(_ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .warning, message: message)
    }

    /// A problem with the folder `path` itself: no line or column.
    public static func folder(_ path: String, severity: Severity = .error, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: 0, column: 0, severity: severity, message: message, hasPosition: false)
    }

    public var description: String {
        guard hasPosition else { return "\(path): \(severity.rawValue): \(message)" }
        return "\(path):\(max(line, 1)):\(max(column, 1)): \(severity.rawValue): \(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
