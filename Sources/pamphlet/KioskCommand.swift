import ArgumentParser
import Foundation
import Logging
import PamphletKit
import PamphletTerminal
import PamphletUI

/// `pamphlet kiosk`: the browser locked down for an unattended waiting-room screen.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Run the browser as a locked-down kiosk for a waiting room.",
        discussion: """
            Shows an attract screen with the clinic's name; a patient presses any key or touches the \
            screen to start. After the idle timeout a "Still there?" countdown appears, then the kiosk \
            starts over and wipes everything the patient typed, opened or ticked. F5 starts over at \
            any time; F6 shows the page's web address as a QR code when the page has a `url:`.

            Nothing a patient presses quits, suspends or freezes it: q, Ctrl-C, Ctrl-Z, Ctrl-\\, \
            Ctrl-D, Ctrl-S/Ctrl-Q, Esc, Alt and F-keys included. Staff exit: press Ctrl-A then Ctrl-X, \
            type the staff PIN, press Enter. Each wrong PIN doubles the wait before the next try \
            (1, 2, 4, 8 ... s) and is logged (never the PIN).

            Settings come from the `kiosk:` part of site.yaml (idle_timeout, countdown, pin_hash, \
            allow_exit), then the --config file (the same keys, under `kiosk:` or at the top level), \
            then flags. Make pin_hash with `pamphlet hash-pin >> FILE`. \
            Without a PIN the kiosk refuses to start unless --no-exit (or allow_exit: false) says \
            that exit is impossible by design.

            The content folder is checked every second; changes are loaded in the background and \
            swapped in. Content with errors is not shown: the old content stays, the errors go to the log.

            Exit codes (for a supervisor such as systemd):
              0    staff exit with the right PIN
              1    the content failed to load at startup (errors are in the log)
              2    configuration error (no PIN, bad --config or --idle-timeout,
                   no such content folder, not a terminal)
              64   the command line itself could not be parsed (unknown flag)
              129  SIGHUP   (128 + signal number)
              143  SIGTERM

            Examples:
              pamphlet kiosk --content /srv/clinic --log /var/log/pamphlet/kiosk.log
              pamphlet kiosk --config /etc/pamphlet/kiosk.yaml --idle-timeout 90
              pamphlet kiosk --no-exit
                  a screen nobody may leave (restart the machine instead)
            """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(help: ArgumentHelp("YAML file with kiosk settings (under `kiosk:` or at the top level); overrides site.yaml.",
                               valueName: "FILE"))
    var config: String?

    @Option(name: .customLong("idle-timeout"), parsing: .unconditional,
            help: ArgumentHelp("Seconds without input before the kiosk counts down and starts over.", valueName: "SECONDS"))
    var idleTimeout: WholeNumber?

    @Flag(name: .customLong("no-exit"), help: "Disable staff exit entirely (no PIN needed).")
    var noExit = false

    @Option(help: ArgumentHelp("Append the log to this file instead of standard error.", valueName: "FILE"))
    var log: String?

    @Option(help: ArgumentHelp("Colour theme: default, high-contrast or monochrome.", valueName: "NAME"))
    var theme: String?

    @Flag(help: "Draw borders and marks in plain ASCII (automatic when the locale is not UTF-8).")
    var ascii = false

    func validate() throws {
        // Exit 2 (not the parser's 64) so a supervisor sees one code for every configuration mistake.
        if let problem = idleTimeout?.problem(option: "--idle-timeout", minimum: 1, unit: "seconds") {
            RuntimeSupport.printError("pamphlet kiosk: \(problem).")
            throw ExitCode(2)
        }
    }

    func run() throws {
        let sink: KioskLogSink
        do { sink = try KioskLogSink(path: log) } catch {
            RuntimeSupport.printError("pamphlet kiosk: \(error)")
            throw ExitCode(2)
        }
        LoggingSystem.bootstrap { label in KioskLogHandler(label: label, sink: sink) }
        let logger = Logger(label: "pamphlet.kiosk")

        // Settings before content, so a configuration mistake is reported as one (exit 2).
        let directory = try contentOptions.unchecked()
        if let problem = ContentOptions.problem(with: directory) { fail(logger, problem, code: 2) }
        var configFile: KioskConfigFile?
        if let config {
            do {
                configFile = try KioskConfigFile.load(path: config)
                for warning in configFile?.warnings ?? [] { logger.warning("\(warning.description)") }
            } catch {
                fail(logger, "\(error.description)", code: 2)
            }
        }
        guard let content = ContentReloader.load(directory: directory, logger: logger, purpose: "startup").content else {
            fail(logger, "content in \(directory) failed to load; not starting", code: 1)
        }
        let settings: ResolvedKioskSettings
        do {
            settings = try ResolvedKioskSettings.resolve(site: content.library.site.kiosk, config: configFile,
                                                         idleTimeout: idleTimeout?.value, noExit: noExit,
                                                         siteOrigin: (directory as NSString).appendingPathComponent("site.yaml"))
        } catch {
            fail(logger, error.description, code: 2)
        }
        let chosenTheme: Theme
        do { chosenTheme = try RuntimeSupport.theme(flag: theme, site: content.library.site.theme) } catch {
            fail(logger, "\(error)", code: 2)
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            fail(logger, "standard input and output must be a terminal (for systemd: StandardInput=tty)", code: 2)
        }

        let unicode = TerminalLocale.setUp()
        let options = KioskOptions(idleTimeout: settings.idleTimeout, countdown: settings.countdown,
                                   exitAllowed: settings.exitAllowed,
                                   browser: .kiosk(today: RuntimeSupport.today(), asciiOnly: ascii || !unicode))
        var kiosk = KioskState<AppState>(content: content, options: options)
        let mailbox = Mailbox()
        ContentReloader.start(directory: directory, mailbox: mailbox, logger: logger)
        let startedNote = "kiosk started: \(content.library.documents.count) documents, idle timeout \(Int(settings.idleTimeout)) s, "
            + "staff exit \(settings.exitAllowed ? "by PIN (\(KioskKeys.staffChordLabel))" : "disabled")"

        let pinHash = settings.pinHash
        if sink.writesToTerminal { sink.hold() }
        let outcome: RunOutcome
        do {
            outcome = try TerminalRuntime.run(
                &kiosk,
                options: RuntimeOptions(inputMode: .raw, theme: chosenTheme, useColor: !RuntimeSupport.noColor,
                                        mouse: true, tickInterval: 1),
                mailbox: mailbox,
                started: { logger.info("\(startedNote)") },
                perform: { effect in
                    guard case .verifyPIN(let pin) = effect else { return [] }
                    // argon2 takes a quarter second and 64 MiB: never on the UI loop.
                    Thread.detachNewThread {
                        let valid = pinHash.map { PINHash.verify(pin, against: $0) } ?? false
                        if valid {
                            logger.notice("staff PIN accepted")
                        } else {
                            logger.warning("wrong staff PIN attempt")
                        }
                        mailbox.post(.pinChecked(valid: valid))
                    }
                    return []
                })
        } catch {
            sink.release()
            // The terminal's own advice names the browser; here the command to retry is the kiosk.
            let why = "\(error)".replacingOccurrences(of: "TERM=xterm-256color pamphlet", with: "TERM=xterm-256color pamphlet kiosk")
            fail(logger, "cannot use the terminal: \(why)", code: 2)
        }
        switch outcome {
        case .quit:
            logger.notice("kiosk stopped by staff exit")
            sink.release()
        case .signal(let sig):
            logger.notice("kiosk stopped by signal \(sig)")
            sink.release()
            throw ExitCode(128 + sig)
        }
    }

    /// Logs the reason, also says it on stderr when the log goes to a file, and exits.
    private func fail(_ logger: Logger, _ message: String, code: Int32) -> Never {
        logger.critical("\(message)")
        if log != nil { RuntimeSupport.printError("pamphlet kiosk: \(message)") }
        Foundation.exit(code)
    }
}
