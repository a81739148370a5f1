import Foundation
import Testing
import TestSupport

/// `pamphlet search` printing to a real terminal (tmux): its output is wrapped to the terminal's
/// width, as `show`'s is, instead of running past the edge for the terminal to cut mid-word and
/// mid-id (review J 13).
@Suite("Search on a terminal (tmux)", .serialized, .timeLimit(.minutes(2)),
       .enabled(if: TmuxSession.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true",
                "tmux is not installed: skipping the end-to-end tests (scripts/install-deps installs it)"))
struct SearchTerminalTests {
    @Test func plainOutputIsWrappedToTheTerminalsWidth() throws {
        let command = "env -u NO_COLOR LANG=C.UTF-8 LC_ALL= TERM=tmux-256color '\(PamphletBinary.url.path)' search tms therapy "
            + "--limit 3 --content '\(RepoPaths.assets.path)'; echo '[ended]'; sleep 60"
        let tmux = try TmuxSession(command, width: 60, height: 40)
        defer { tmux.kill() }
        let screen = try tmux.wait(for: "[ended]")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hits = lines.filter { $0.first?.isNumber == true && !$0.contains("results (--limit") }
        #expect(hits.count == 3, "\(screen)")
        // Every line fits (the terminal did not wrap it), and every line that is not a hit's first
        // starts indented: the program broke it, at a space.
        for line in lines where !line.isEmpty && !line.hasPrefix("[ended]") && !line.contains("results (--limit") {
            #expect(line.count <= 60, "\(line)")
            #expect(line.first?.isNumber == true || line.hasPrefix("   "), "\(line)")
        }
        // The id stays whole on one line, to be copied.
        #expect(lines.contains { $0.contains("ketamine-faq#does-the-clinic-offer-tms") }, "\(screen)")
    }
}
