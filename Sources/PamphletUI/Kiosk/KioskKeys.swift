/// The keys the kiosk keeps for itself; everything else goes to the browser (which cannot quit in kiosk mode).
///
/// - Start over: F5, or a tap on "Start over" in the bottom bar. Always shown.
/// - Take this page home (QR code): F6, or a tap on the bar entry. Shown when the page has a `url`.
/// - Staff exit: **Ctrl-A, then Ctrl-X** (two control keys in that order, nothing in between) opens a
///   masked PIN prompt. A patient does not type that by accident, and if they do, the prompt asks for
///   a PIN they do not know and Esc (or the idle reset) closes it.
public enum KioskKeys {
    public static let startOver: Key = .function(5)
    public static let takeHome: Key = .function(6)
    /// First key of the staff chord.
    public static let staffChordFirst: Key = .ctrl("a")
    /// Second key of the staff chord, right after the first.
    public static let staffChordSecond: Key = .ctrl("x")
    /// How the chord is written in help and documentation.
    public static let staffChordLabel = "Ctrl-A then Ctrl-X"
    /// Longest PIN the prompt accepts (longer input is ignored, not an error).
    public static let maximumPINLength = 32
}
