import Testing
@testable import PamphletKit

@Suite("Kiosk settings resolution")
struct KioskSettingsTests {
    static let hash = "$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$3q5i2nKkzS1cG9v0y2S0gTm8kqZz0b8mC0d3V2q8l1E"

    @Test func siteSettingsAreUsedByDefault() throws {
        let site = KioskSettings(idleTimeoutSeconds: 90, countdownSeconds: 15, pinHash: Self.hash, allowExit: true)
        let r = try ResolvedKioskSettings.resolve(site: site, checkHash: false)
        #expect(r == ResolvedKioskSettings(idleTimeout: 90, countdown: 15, pinHash: Self.hash, exitAllowed: true))
    }

    @Test func flagsBeatConfigBeatSite() throws {
        let site = KioskSettings(idleTimeoutSeconds: 90, countdownSeconds: 15, pinHash: nil)
        let config = KioskConfigFile(idleTimeoutSeconds: 60, countdownSeconds: 5, pinHash: Self.hash)
        let fromConfig = try ResolvedKioskSettings.resolve(site: site, config: config, checkHash: false)
        #expect(fromConfig.idleTimeout == 60 && fromConfig.countdown == 5 && fromConfig.pinHash == Self.hash)
        let fromFlag = try ResolvedKioskSettings.resolve(site: site, config: config, idleTimeout: 7, checkHash: false)
        #expect(fromFlag.idleTimeout == 7)
    }

    @Test func noPINRefusesUnlessExitIsImpossible() throws {
        let site = KioskSettings(pinHash: nil)
        #expect(throws: KioskSettingsError.noPIN) { try ResolvedKioskSettings.resolve(site: site) }
        let noExit = try ResolvedKioskSettings.resolve(site: site, noExit: true)
        #expect(!noExit.exitAllowed && noExit.pinHash == nil)
        let byDesign = try ResolvedKioskSettings.resolve(site: KioskSettings(allowExit: false))
        #expect(!byDesign.exitAllowed)
    }

    @Test func malformedHashIsRefused() {
        #expect(throws: KioskSettingsError.self) {
            try ResolvedKioskSettings.resolve(site: KioskSettings(pinHash: "1234"))
        }
    }

    @Test func zeroTimeoutIsRefused() {
        #expect(throws: KioskSettingsError.self) {
            try ResolvedKioskSettings.resolve(site: KioskSettings(), idleTimeout: 0, noExit: true)
        }
    }

    /// A timeout past the range ended the kiosk with "Illegal instruction" (an Int conversion of
    /// the seconds overflowed) after `pamphlet check` had accepted it: each place refuses it now.
    @Test(arguments: [86_401, 9_223_372_036_854_775_807])
    func hugeTimeoutsAreRefusedEverywhere(_ seconds: Int) {
        #expect(throws: KioskSettingsError.self) {
            try ResolvedKioskSettings.resolve(site: KioskSettings(), idleTimeout: seconds, noExit: true)
        }
        #expect(throws: KioskSettingsError.self) {
            try ResolvedKioskSettings.resolve(site: KioskSettings(countdownSeconds: seconds), noExit: true)
        }
        for key in ["idle_timeout", "countdown"] {
            do {
                _ = try KioskConfigFile.parse("kiosk:\n  \(key): \(seconds)\n", path: "kiosk.yaml")
                Issue.record("\(key): \(seconds) was accepted")
            } catch {
                #expect(error.description.hasPrefix("kiosk.yaml:2: "), "\(error.description)")
            }
        }
        let (site, diagnostics) = SiteParser.parse(text: "name: Clinic\nkiosk:\n  countdown: \(seconds)\n  idle_timeout: \(seconds)\n",
                                                   path: "site.yaml")
        #expect(Set(diagnostics.filter { $0.severity == .error }.map(\.line)) == [3, 4], "\(diagnostics)")
        #expect(site?.kiosk == KioskSettings())
    }

    /// The last three: `pamphlet hash-pin >> kiosk.yaml` puts `pin_hash` at the top level after a
    /// `kiosk:` mapping, and both parts count (before, the top-level line was silently ignored).
    @Test(arguments: [
        "kiosk:\n  idle_timeout: 45\n  pin_hash: \"\(hash)\"\n  allow_exit: true\n",
        "idle_timeout: 45\npin_hash: \"\(hash)\"\n",
        "kiosk:\n  idle_timeout: 45\n  allow_exit: true\n  # pin_hash: \"$argon2id$...\"\npin_hash: \"\(hash)\"\n",
        "pin_hash: \"\(hash)\"\nkiosk:\n  idle_timeout: 45\n",
        "kiosk:\n  idle_timeout: 45\n  pin_hash:\npin_hash: \"\(hash)\"\n",
    ])
    func configFileParses(_ text: String) throws {
        let file = try KioskConfigFile.parse(text, path: "kiosk.yaml")
        #expect(file.idleTimeoutSeconds == 45)
        #expect(file.pinHash == Self.hash)
        #expect(file.warnings.isEmpty)
    }

    @Test func keySetInBothPlacesIsRefused() {
        do {
            _ = try KioskConfigFile.parse("kiosk:\n  pin_hash: \"\(Self.hash)\"\npin_hash: \"\(Self.hash)\"\n", path: "k.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("k.yaml:3: `pin_hash` is set twice (also on line 2)"), "\(error.description)")
        }
    }

    /// `hash-pin >>` run twice: the second line is named, not the whole file dumped.
    @Test func keyAppendedTwiceIsNamedAtTheRepeat() {
        do {
            _ = try KioskConfigFile.parse("kiosk:\n  countdown: 5\npin_hash: \"a\"\npin_hash: \"b\"\n", path: "k.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "k.yaml:4: `pin_hash` is set twice (also on line 3): keep one (to change the PIN, delete the old pin_hash line)")
        }
    }

    @Test func brokenYAMLNamesTheLineOnly() {
        do {
            _ = try KioskConfigFile.parse("kiosk:\n  countdown: 5\n pin_hash: [\n", path: "k.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("k.yaml:"))
            #expect(error.description.hasPrefix("k.yaml: ") == false)
            #expect(!error.description.contains("countdown: 5"), "\(error.description)")
        }
    }

    @Test func unknownTopLevelKeyBesideKioskMappingWarns() throws {
        let file = try KioskConfigFile.parse("kiosk:\n  idle_timeout: 5\npin_hsh: x\n", path: "k.yaml")
        #expect(file.warnings.map(\.description) == ["k.yaml:3:1: warning: unknown kiosk setting `pin_hsh` (ignored)"])
    }

    @Test func configFileErrorsNameFileAndLine() {
        do {
            _ = try KioskConfigFile.parse("kiosk:\n  idle_timeout: soon\n", path: "/etc/pamphlet/kiosk.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("/etc/pamphlet/kiosk.yaml:2: "))
        }
    }

    @Test func unknownKeysWarn() throws {
        let file = try KioskConfigFile.parse("kiosk:\n  idle_timout: 5\n", path: "k.yaml")
        #expect(file.warnings.count == 1)
        #expect(file.warnings.first?.description.contains("idle_timout") == true)
    }

    /// A pin_hash that is not a hash at all was reported without its file and line.
    @Test func badHashInTheConfigFileIsNamedAtItsLine() throws {
        do {
            _ = try KioskConfigFile.parse("kiosk:\n  idle_timeout: 45\npin_hash: \"nothash\"\n", path: "k.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("k.yaml:3: `pin_hash` is not an argon2id hash"), "\(error.description)")
        }
        // Looks like one but libargon2 cannot decode it: the resolve-time error names the line too.
        let file = try KioskConfigFile.parse("\npin_hash: \"$argon2id$v=19$garbage\"\n", path: "k.yaml")
        do {
            _ = try ResolvedKioskSettings.resolve(site: KioskSettings(), config: file)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("k.yaml:2: The pin_hash is not a valid argon2id hash"), "\(error.description)")
        }
        do {
            _ = try ResolvedKioskSettings.resolve(site: KioskSettings(pinHash: "$argon2id$v=19$garbage"), siteOrigin: "c/site.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("c/site.yaml: The pin_hash is not a valid argon2id hash"), "\(error.description)")
        }
    }
}
