import Foundation

/// The clinic's contact details from `site.yaml` as a Contact page shows them: the crisis line
/// first (when set), then phone, email, address, hours and website, where an empty field says to
/// ask at the front desk. Shared by `pamphlet show` and the browser's Contact page, so both say the same.
public enum ContactCard {
    /// What an empty field shows.
    public static let askAtFrontDesk = "ask at the front desk"

    /// Width of the label column ("Address" and a space, padded).
    public static let labelWidth = 9

    /// "Crisis line: 988" or "<label>: 988"; `line`/`label` override the site's values (an empty
    /// `line` hides it). Nil when there is no crisis line.
    public static func crisisSentence(_ contact: ContactInfo, line: String? = nil, label: String? = nil) -> String? {
        let number = (line ?? contact.crisisLine)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !number.isEmpty else { return nil }
        let name = (label ?? contact.crisisLineLabel)?.trimmingCharacters(in: .whitespaces) ?? ""
        return name.isEmpty ? "Crisis line: \(number)" : "\(name): \(number)"
    }

    /// The fields in display order; a value is nil when it is missing or blank.
    public static func fields(_ contact: ContactInfo) -> [(label: String, value: String?)] {
        [("Phone", contact.phone), ("Email", contact.email), ("Address", contact.address),
         ("Hours", contact.hours), ("Website", contact.website)].map { label, value in
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return (label, trimmed.isEmpty ? nil : trimmed)
        }
    }

    /// Plain-text paragraphs (each a list of lines) for `width` columns: the crisis sentence, then
    /// the fields with values wrapped under the value column.
    public static func plainText(_ contact: ContactInfo, width: Int) -> [[String]] {
        var parts: [[String]] = []
        if let crisis = crisisSentence(contact) { parts.append(TextWrap.wrap(crisis, width: width)) }
        var rows: [String] = []
        let pad = String(repeating: " ", count: labelWidth)
        for (label, value) in fields(contact) {
            // Too narrow for two columns: "Phone: value", wrapped as one paragraph.
            guard width >= labelWidth + 12 else {
                rows += TextWrap.wrap("\(label): \(value ?? askAtFrontDesk)", width: width)
                continue
            }
            let wrapped = TextWrap.wrap(value ?? askAtFrontDesk, width: width - labelWidth)
            for (index, line) in wrapped.enumerated() {
                rows.append(index == 0 ? label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + line : pad + line)
            }
        }
        parts.append(rows)
        return parts
    }
}
