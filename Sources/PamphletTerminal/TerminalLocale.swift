import CNCursesW
import Glibc

/// The process locale, which ncursesw reads to encode and measure characters.
public enum TerminalLocale {
    /// Adopts the user's locale (`setlocale(LC_ALL, "")`). Returns whether it is UTF-8, i.e. whether
    /// the terminal can be trusted with box drawing and marks; otherwise the views use ASCII.
    /// When it is not, switches the character type to C.UTF-8 anyway, so ncursesw can still encode
    /// the content's own non-ASCII letters instead of dropping them.
    /// Call before opening the terminal.
    @discardableResult
    public static func setUp() -> Bool {
        setlocale(LC_ALL, "")
        userLocaleIsUTF8 = isUTF8
        if userLocaleIsUTF8 { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        return false
    }

    /// What `setUp()` found (true until it runs).
    nonisolated(unsafe) public private(set) static var userLocaleIsUTF8 = true

    /// Whether the current character type is UTF-8.
    public static var isUTF8: Bool {
        guard let codeset = pamphlet_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
