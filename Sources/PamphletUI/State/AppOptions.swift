import PamphletKit

/// How the app core behaves; the terminal layer and the kiosk wrapper fill this in.
public struct AppOptions: Sendable, Hashable {
    /// Today's date, for marking pages past their review date (the core never reads a clock).
    public var today: CalendarDate?
    /// Draw borders and marks in plain ASCII (the locale is not UTF-8).
    public var asciiOnly: Bool
    /// Whether `q` quits. The kiosk turns this off (staff exit goes through its PIN instead).
    public var allowQuit: Bool
    /// Whether staff details such as a page's source file appear. The kiosk hides them.
    public var showFilePaths: Bool
    /// Crisis line text; nil uses `site.yaml`'s `contact.crisis_line`. Empty string hides it.
    public var crisisLine: String?
    /// Label for the crisis line; nil uses `site.yaml`'s `crisis_line_label` or a default.
    public var crisisLineLabel: String?
    /// A hint shown at the right of the header, e.g. the kiosk's "Press H to start over".
    public var startOverHint: String?
    /// The smallest terminal the browser draws into; smaller shows "please enlarge the window".
    public var minimumWidth: Int
    public var minimumHeight: Int
    /// The browser runs inside the kiosk: help lists the kiosk's keys (F5 start over, F6 take home).
    public var kioskKeysInHelp: Bool
    /// Whether staff notices appear: the home screen's count of problems the content loaded with
    /// (staff run `pamphlet check`) and a page's "For staff: due for review" line. The kiosk turns
    /// this off: patients cannot act on them.
    public var showContentProblems: Bool
    /// Letters and digits start a search instead of running one-key commands. The kiosk turns this
    /// on: a patient who types "cost" on the home screen wants to find it, and `c` had opened the
    /// crisis page; one who types 911 wants help, and `1` had opened a menu item (review G 1), so
    /// the home menu is not numbered. Arrows, Enter, Space, Backspace and the function keys keep
    /// their meaning.
    public var lettersSearch: Bool

    public init(today: CalendarDate? = nil, asciiOnly: Bool = false, allowQuit: Bool = true,
                showFilePaths: Bool = true, crisisLine: String? = nil, crisisLineLabel: String? = nil,
                startOverHint: String? = nil, minimumWidth: Int = 30, minimumHeight: Int = 8,
                kioskKeysInHelp: Bool = false, showContentProblems: Bool = true, lettersSearch: Bool = false) {
        self.today = today
        self.asciiOnly = asciiOnly
        self.allowQuit = allowQuit
        self.showFilePaths = showFilePaths
        self.crisisLine = crisisLine
        self.crisisLineLabel = crisisLineLabel
        self.startOverHint = startOverHint
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
        self.kioskKeysInHelp = kioskKeysInHelp
        self.showContentProblems = showContentProblems
        self.lettersSearch = lettersSearch
    }

    /// The kiosk's defaults: no quitting, no file paths or content problems, the kiosk's keys in
    /// help, letters start a search.
    public static func kiosk(today: CalendarDate? = nil, asciiOnly: Bool = false) -> AppOptions {
        AppOptions(today: today, asciiOnly: asciiOnly, allowQuit: false, showFilePaths: false, kioskKeysInHelp: true,
                   showContentProblems: false, lettersSearch: true)
    }

    var glyphs: Glyphs { asciiOnly ? .ascii : .unicode }
}
