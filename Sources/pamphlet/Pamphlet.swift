import ArgumentParser

@main
struct Pamphlet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pamphlet",
        abstract: "Browse, search and check a clinic's patient information in the terminal.",
        discussion: """
            With no subcommand, opens the browser on the bundled content.

            Examples:
              pamphlet                         open the browser
              pamphlet search "is ketamine addictive"
              pamphlet check Assets/
            """,
        subcommands: [
            BrowseCommand.self, SearchCommand.self, ShowCommand.self, ListCommand.self,
            CheckCommand.self, ImportCommand.self, IndexCommand.self, KioskCommand.self,
            HashPinCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )
}
