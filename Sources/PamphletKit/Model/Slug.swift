import Foundation

/// Turns a heading into a stable, URL-safe id: "Is Ketamine Addictive?" -> "is-ketamine-addictive".
///
/// Letters and digits are kept, case- and diacritic-folded ("Café" -> "cafe"); apostrophes are
/// dropped ("Ketamine’s" -> "ketamines"); any other run of characters becomes one dash.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        func keep(_ s: Unicode.Scalar) {
            if pendingDash && !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(s)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard v >= 0x80 else {
                // ASCII, most of every heading: Foundation's folding only lowers the case here, and
                // calling it per scalar was a fifth of loading a large content folder.
                switch v {
                case 0x41...0x5A: keep(Unicode.Scalar(UInt8(v + 0x20)))
                case 0x61...0x7A, 0x30...0x39: keep(scalar)
                case 0x27: break   // an apostrophe joins ("don't" -> "dont")
                default: pendingDash = true
                }
                continue
            }
            let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            for s in folded.unicodeScalars {
                if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                    keep(s)
                } else if s != "'" && s != "\u{2019}" {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "section" : String(out)
    }
}
