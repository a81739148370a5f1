import ArgumentParser
import Logging
import PamphletKit
import PamphletTerminal
import PamphletUI

/// `pamphlet browse` (and bare `pamphlet`): the terminal browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the browser on the content (what `pamphlet` alone does).",
        discussion: """
            Arrows or j/k move, Enter opens, Backspace goes back, / searches, ? shows every key, q quits.
            The mouse works too: click to open, the wheel scrolls.

            Themes: default, high-contrast, monochrome (or `theme:` in site.yaml).
            NO_COLOR=1 turns colour off. The terminal must be at least 30x8.

            Content edits are picked up within about a second (as the kiosk does): the page on \
            screen stays where it was, with the new text, and search finds it. An edit with errors \
            is not shown: the old content stays and the status line says "Edit not loaded"; \
            `pamphlet check` names the errors.

            Examples:
              pamphlet
              pamphlet browse --content ~/clinic-content --theme high-contrast
              NO_COLOR=1 pamphlet browse --ascii
            """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(help: ArgumentHelp("Colour theme: default, high-contrast or monochrome.", valueName: "NAME"))
    var theme: String?

    @Flag(help: "Draw borders and marks in plain ASCII (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("terminal-test"), help: .private)
    var terminalTest = false

    func validate() throws {
        if let theme { _ = try RuntimeSupport.theme(flag: theme, site: nil) }
    }

    func run() throws {
        try RuntimeSupport.requireTerminal()
        let unicode = TerminalLocale.setUp()
        if terminalTest {
            var program = TerminalTest()
            let theme = try RuntimeSupport.theme(flag: theme, site: nil)
            try RuntimeSupport.run(&program, options: RuntimeOptions(theme: theme, useColor: !RuntimeSupport.noColor))
            return
        }
        let content = try RuntimeSupport.loadContent(contentOptions)
        let theme = try RuntimeSupport.theme(flag: theme, site: content.library.site.theme)
        var state = AppState(content: content, options: AppOptions(today: RuntimeSupport.today(), asciiOnly: ascii || !unicode))
        // Hot reload, as the kiosk has it (review H 4). Nothing may write to the terminal under the
        // screen, so the reloader's log goes nowhere: a refused edit is said on the status line.
        let mailbox = Mailbox()
        ContentReloader.start(directory: try contentOptions.directory(), mailbox: mailbox,
                              logger: Logger(label: "pamphlet.browse", factory: { _ in SwiftLogNoOpLogHandler() }))
        try RuntimeSupport.run(&state, options: RuntimeOptions(theme: theme, useColor: !RuntimeSupport.noColor), mailbox: mailbox)
    }
}
