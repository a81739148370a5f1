import Foundation

/// Turns a heading into a stable, URL-safe id: "Is Ketamine Addictive?" -> "is-ketamine-addictive".
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            for s in folded.unicodeScalars {
                if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(s)
                } else if s != "'" && s != "\u{2019}" {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "section" : out
    }
}
