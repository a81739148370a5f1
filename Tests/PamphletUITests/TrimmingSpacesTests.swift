import Foundation
import Testing
@testable import PamphletUI

/// The search box's own trim must agree with Foundation's `.whitespaces`, which it replaces.
@Suite struct TrimmingSpacesTests {
    @Test(arguments: ["", "   ", "abc", "  is ketamine  addictive ", "\tTMS\t", "\u{3000}全角\u{3000}", "\u{00A0}café\u{2003}",
                      " e\u{301} ", "x\n", "\n x \n"])
    func agreesWithFoundation(_ text: String) {
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
    }
}
