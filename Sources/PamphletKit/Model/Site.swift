/// The clinic's own settings from `site.yaml`: name, tagline, contact fields, theme and kiosk settings.
public struct Site: Sendable, Equatable {
    public var name: String
    public var tagline: String
    public var contact: ContactInfo
    /// Theme name for the browser ("default", "high-contrast", "monochrome").
    public var theme: String?
    public var kiosk: KioskSettings

    public init(name: String, tagline: String = "", contact: ContactInfo = ContactInfo(),
                theme: String? = nil, kiosk: KioskSettings = KioskSettings()) {
        self.name = name
        self.tagline = tagline
        self.contact = contact
        self.theme = theme
        self.kiosk = kiosk
    }
}

/// Contact fields; any may be empty, and the UI then says "ask at the front desk".
public struct ContactInfo: Sendable, Equatable {
    public var phone: String?
    public var email: String?
    public var address: String?
    public var hours: String?
    public var website: String?
    /// A crisis line (e.g. a national suicide and crisis number), shown one key away when set.
    public var crisisLine: String?
    public var crisisLineLabel: String?

    public init(phone: String? = nil, email: String? = nil, address: String? = nil, hours: String? = nil,
                website: String? = nil, crisisLine: String? = nil, crisisLineLabel: String? = nil) {
        self.phone = phone
        self.email = email
        self.address = address
        self.hours = hours
        self.website = website
        self.crisisLine = crisisLine
        self.crisisLineLabel = crisisLineLabel
    }
}

/// The `kiosk:` part of `site.yaml`.
public struct KioskSettings: Sendable, Equatable {
    public var idleTimeoutSeconds: Int
    public var countdownSeconds: Int
    /// `argon2id` encoded hash made by `pamphlet hash-pin`; nil means no staff exit configured.
    public var pinHash: String?
    public var allowExit: Bool

    /// The accepted idle timeouts and countdowns, in seconds (site.yaml, kiosk.yaml and
    /// `--idle-timeout` alike): at least a second, at most a day and an hour. Larger values would
    /// mean a kiosk that never wipes a session, and overflowed the clock arithmetic.
    public static let idleTimeoutRange = 1...86_400
    public static let countdownRange = 1...3_600

    public init(idleTimeoutSeconds: Int = 120, countdownSeconds: Int = 10, pinHash: String? = nil, allowExit: Bool = true) {
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.countdownSeconds = countdownSeconds
        self.pinHash = pinHash
        self.allowExit = allowExit
    }
}
