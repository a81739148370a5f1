import Foundation
import Testing
@testable import PamphletKit

/// Documents nobody on the team wrote, of other shapes than the seed, as Debian ships them:
/// bash's README (underlined headings, tab-indented code, bullets), INTRO (plain headings, `o`
/// bullets), COMPAT (one long numbered list with code inside items) and, from `bash-doc`
/// (installed by scripts/install-deps), the Bash Reference Manual in GNU Info format.
struct ThirdPartyDocument: Sendable, CustomTestStringConvertible {
    var path: String
    var package: String
    var title: String
    /// Headings that really are in the document (checked against its lines too).
    var headings: [String]
    var testDescription: String { (path as NSString).lastPathComponent }

    static let all: [ThirdPartyDocument] = [
        ThirdPartyDocument(path: "/usr/share/doc/bash/README.gz", package: "bash", title: "Introduction",
                           headings: ["Reporting Bugs", "Other Packages"]),
        ThirdPartyDocument(path: "/usr/share/doc/bash/INTRO.gz", package: "bash", title: "BASH - The Bourne-Again Shell",
                           headings: ["Editing and Completion", "History and Command Re-entry", "Job Control",
                                      "Expanded I/O Capabilities", "POSIX Mode", "Command Timing"]),
        ThirdPartyDocument(path: "/usr/share/doc/bash/COMPAT.gz", package: "bash", title: "Compatibility with previous versions",
                           headings: ["Shell Compatibility Level"]),
        ThirdPartyDocument(path: "/usr/share/info/bash.info.gz", package: "bash-doc", title: "Bash Features",
                           headings: ["Introduction", "What is Bash?", "What is a shell?", "Shell Syntax",
                                      "Shell Commands", "Job Control Basics", "Bindable Readline Commands", "Reporting Bugs"]),
    ]
}

@Suite struct ImportThirdPartyTests {
    func load(_ doc: ThirdPartyDocument) throws -> (ImportResult, source: String)? {
        guard FileManager.default.fileExists(atPath: doc.path) else { return nil }
        let data = try ImportTestSupport.readMaybeGzipped(doc.path)
        return (PlainTextImporter.importData(data, sourceName: doc.path), String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: ThirdPartyDocument.all)
    func importsWithRealStructure(_ doc: ThirdPartyDocument) throws {
        guard let (result, source) = try load(doc) else {
            Issue.record("\(doc.path) is missing: install the Debian package '\(doc.package)' (scripts/install-deps does)")
            return
        }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let document = try #require(result.documents.first?.document)
        #expect(document.title == doc.title)
        let headings = document.sections.map(\.heading)
        for heading in doc.headings {
            #expect(headings.contains(heading), "missing heading \(heading)")
        }
        // Every heading found is a line of the document (minus a section number like
        // "1.2" or "Appendix A"), not made up.
        let sourceLines = Set(source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for heading in headings {
            #expect(sourceLines.contains(heading) || sourceLines.contains { $0.hasSuffix(" " + heading) && $0.count <= heading.count + 12 },
                    "heading not in the source: \(heading)")
        }
    }

    @Test(arguments: ThirdPartyDocument.all)
    func headingsAreNotSentencesAndSectionsAreNotEmpty(_ doc: ThirdPartyDocument) throws {
        guard let (result, _) = try load(doc) else { return }
        for imported in result.documents {
            let sections = imported.document.sections
            for (index, section) in sections.enumerated() {
                #expect(!section.heading.hasSuffix(".") && !section.heading.hasSuffix(":") && !section.heading.hasSuffix(","),
                        "sentence as heading: \(section.heading)")
                #expect(section.heading.split(separator: " ").count <= 15, "long heading: \(section.heading)")
                let hasChild = index + 1 < sections.count && sections[index + 1].level > section.level
                #expect(!section.blocks.isEmpty || hasChild, "empty section: \(section.heading)")
            }
            for paragraph in ImportTestSupport.paragraphs(imported.document) {
                #expect(!paragraph.contains("\n") && !paragraph.contains("  "), "not reflowed: \(paragraph.prefix(60))")
            }
        }
    }

    @Test(arguments: ThirdPartyDocument.all)
    func checksClean(_ doc: ThirdPartyDocument) throws {
        guard let (result, _) = try load(doc) else { return }
        ImportTestSupport.expectRoundTrip(result)
        let loaded = try ImportTestSupport.loadAsFolder(result)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.filter { $0.severity == .error }.prefix(5))")
    }

    @Test func readmeKeepsCodeAndBullets() throws {
        guard let (result, _) = try load(ThirdPartyDocument.all[0]) else { return }
        let document = try #require(result.documents.first?.document)
        #expect(document.intro.contains(.code(language: nil, text: "CC=cc ./configure")))
        let bugs = try #require(document.section("reporting-bugs"))
        let list = bugs.blocks.first { if case .list = $0 { true } else { false } }
        guard case .list(let ordered, _, let items)? = list else {
            Issue.record("no list in Reporting Bugs")
            return
        }
        #expect(!ordered)
        #expect(items.count == 6)
        // A wrapped item is one paragraph.
        #expect(items[1] == [.paragraph([.text("the machine and OS that it is running on (you may run `bashversion -l' from the bash build directory for this information)")])])
    }

    @Test func introKeepsItsOBullets() throws {
        guard let (result, _) = try load(ThirdPartyDocument.all[1]) else { return }
        let document = try #require(result.documents.first?.document)
        let io = try #require(document.section("expanded-i-o-capabilities"))
        guard case .list(false, _, let items)? = io.blocks.last else {
            Issue.record("no list in Expanded I/O Capabilities")
            return
        }
        #expect(items.count == 6)
        #expect(items.first == [.paragraph([.text("specify a file or file descriptor for both input and output")])])
    }

    @Test func compatIsOneLongNumberedListWithCode() throws {
        guard let (result, _) = try load(ThirdPartyDocument.all[2]) else { return }
        let document = try #require(result.documents.first?.document)
        let lists = document.intro.compactMap { block -> [[Block]]? in
            if case .list(true, 1, let items) = block { items } else { nil }
        }
        let items = try #require(lists.first)
        #expect(items.count >= 60)
        #expect(items[0].contains(.code(language: nil, text: "var2=${!var1}")))
    }
}
