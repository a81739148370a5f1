import Foundation
import Yams

/// Parses `site.yaml`: the clinic's name, tagline, theme, contact fields and kiosk settings.
enum SiteParser {
    static let keys = ["name", "tagline", "theme", "contact", "kiosk"]
    static let contactKeys = ["phone", "email", "address", "hours", "website", "crisis_line", "crisis_line_label"]
    static let kioskKeys = ["idle_timeout", "countdown", "pin_hash", "allow_exit"]
    static let themes = ["default", "high-contrast", "monochrome"]

    static func parse(text: String, path: String) -> (Site?, [Diagnostic]) {
        let (decoded, problems) = SourceText.decode(Data(text.utf8), path: path)
        guard let decoded else { return (nil, problems) }
        return parse(decoded: decoded, path: path)
    }

    static func parse(decoded text: String, path: String) -> (Site?, [Diagnostic]) {
        var yaml = YAMLReader(path: path, lineOffset: 0)
        let (root, isEmpty) = yaml.compose(text, what: "site.yaml")
        if isEmpty { return (nil, [.error(path, "site.yaml is empty: 'name' is required")]) }
        // `pamphlet hash-pin >> site.yaml` puts `pin_hash:` at the top level: say where it belongs.
        var hints: [String: String] = [:]
        for key in kioskKeys { hints[key] = "it belongs under 'kiosk:', indented two spaces" }
        for key in contactKeys { hints[key] = "it belongs under 'contact:', indented two spaces" }
        guard let root, let f = yaml.fields(root, known: keys, in: "site.yaml", hints: hints) else { return (nil, yaml.diagnostics) }

        let name = yaml.requiredString(f, "name", in: "site.yaml")
        var site = Site(name: name ?? "")
        site.tagline = yaml.string(f["tagline"], "tagline")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if let theme = yaml.string(f["theme"], "theme")?.trimmingCharacters(in: .whitespaces), !theme.isEmpty {
            if themes.contains(theme) {
                site.theme = theme
            } else {
                yaml.warning(f["theme"]?.value, "unknown theme '\(theme)'; known themes are \(themes.joined(separator: ", ")); using default")
            }
        }
        if let contact = f["contact"] { site.contact = readContact(contact.value, yaml: &yaml) }
        if let kiosk = f["kiosk"] { site.kiosk = readKiosk(kiosk.value, yaml: &yaml) }
        return (name == nil ? nil : site, yaml.diagnostics)
    }

    static func readContact(_ node: Node, yaml: inout YAMLReader) -> ContactInfo {
        guard let f = yaml.fields(node, known: contactKeys, in: "contact") else { return ContactInfo() }
        func text(_ key: String) -> String? {
            let value = yaml.string(f[key], key)?.trimmingCharacters(in: .whitespacesAndNewlines)
            return value?.isEmpty == false ? value : nil
        }
        return ContactInfo(phone: text("phone"), email: text("email"), address: text("address"), hours: text("hours"),
                           website: text("website"), crisisLine: text("crisis_line"),
                           crisisLineLabel: text("crisis_line_label"))
    }

    static func readKiosk(_ node: Node, yaml: inout YAMLReader) -> KioskSettings {
        var kiosk = KioskSettings()
        guard let f = yaml.fields(node, known: kioskKeys, in: "kiosk") else { return kiosk }
        for (key, range) in [("idle_timeout", KioskSettings.idleTimeoutRange), ("countdown", KioskSettings.countdownRange)] {
            guard let n = yaml.int(f[key], key) else { continue }
            guard range.contains(n) else {
                yaml.error(f[key]?.value, "'\(key)' must be \(range.lowerBound) to \(range.upperBound) seconds")
                continue
            }
            if key == "idle_timeout" { kiosk.idleTimeoutSeconds = n } else { kiosk.countdownSeconds = n }
        }
        if let hash = yaml.string(f["pin_hash"], "pin_hash")?.trimmingCharacters(in: .whitespaces), !hash.isEmpty {
            if hash.hasPrefix("$argon2id$") {
                kiosk.pinHash = hash
            } else {
                yaml.error(f["pin_hash"]?.value, "'pin_hash' must be an argon2id hash made by `pamphlet hash-pin`")
            }
        }
        if let allow = yaml.bool(f["allow_exit"], "allow_exit") { kiosk.allowExit = allow }
        return kiosk
    }
}
