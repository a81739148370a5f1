import ArgumentParser
import Foundation

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
              pamphlet check ~/clinic-content
            """,
        version: PamphletVersion.current,
        subcommands: [
            BrowseCommand.self, SearchCommand.self, ShowCommand.self, ListCommand.self,
            CheckCommand.self, ImportCommand.self, IndexCommand.self, KioskCommand.self,
            HashPinCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    /// ArgumentParser's `main`, with standard output checked: help and every command's output go
    /// through `StandardOutput`, and a failed write ends the run with status 1 (see there).
    static func main() {
        StandardOutput.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if let message = UnknownCommand.message(for: arguments, commands: commands) {
            CLIOutput.printError(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        let status: Int32
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            status = 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { StandardOutput.line(message) } else { CLIOutput.printError(message) }
            }
            status = code.rawValue
        }
        StandardOutput.finish()
        Foundation.exit(status)
    }
}
