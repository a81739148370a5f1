import Testing
@testable import PamphletKit

/// `SynonymTable.adding` merges each added group into the first group it shares an entry with,
/// found through an index of entries: the same groups, in the same order, as asking every group.
@Suite struct SynonymTableTests {
    /// The definition: the first group (as they stand, groups added before included) sharing an entry.
    static func reference(_ groups: [[String]], adding more: [[String]]) -> [[String]] {
        var out = groups
        for g in more {
            if let i = out.firstIndex(where: { !Set($0).isDisjoint(with: g) }) {
                for e in g where !out[i].contains(e) { out[i].append(e) }
            } else {
                out.append(g)
            }
        }
        return out.filter { $0.count > 1 }
    }

    @Test func mergesLikeTheDefinition() {
        var rng = SplitMix(seed: 7)
        func group() -> [String] {
            (0..<(1 + Int(rng.next() % 4))).map { _ in "w\(rng.next() % 24)" }
        }
        for _ in 0..<300 {
            let base = (0..<Int(rng.next() % 6)).map { _ in group() }
            let more = (0..<Int(rng.next() % 8)).map { _ in group() }
            let table = SynonymTable(groups: base)
            #expect(table.adding(more).groups == Self.reference(table.groups, adding: more), "\(base) + \(more)")
        }
    }

    @Test func anAcronymJoinsTheGroupOfItsLongForm() {
        let table = SynonymTable.parse("tms, transcranial magnetic stimulation\nect, electroconvulsive therapy")
        let merged = table.adding([["electroconvulsive therapy", "ect"], ["repetitive tms", "rtms"], ["trd", "treatment resistant depression"]])
        #expect(merged.groups == [["tms", "transcranial magnetic stimulation"], ["ect", "electroconvulsive therapy"],
                                  ["repetitive tms", "rtms"], ["trd", "treatment resistant depression"]])
    }
    /// Review J 1: an entry matches a query word with the same stem (the index's stemmer), and a
    /// phrase entry one whose last word has the same stem; entries of several groups that share a
    /// stem pool their alternatives, exact entry's first, in the file's order.
    @Test func entriesMatchByStem() {
        let table = SynonymTable.parse("""
            doctor, physician, clinician
            appointment, consultation, booking
            side effects, adverse effects, risks
            addictive, habit forming
            addiction, substance use disorder
            """)
        let lookup = SynonymLookup(table, stemmers: [Stemmer.shared("en")])
        #expect(lookup.alternatives(of: "physician") == ["doctor", "clinician"])
        #expect(lookup.alternatives(of: "physicians") == ["doctor", "clinician"])
        #expect(lookup.alternatives(of: "book") == ["appointment", "consultation"])
        #expect(lookup.alternatives(of: "adverse effect") == ["side effects", "risks"])
        #expect(lookup.alternatives(of: "adverse") == [])
        #expect(lookup.alternatives(of: "addictive") == ["habit forming", "substance use disorder"])
        #expect(lookup.alternatives(of: "addicted") == ["habit forming", "substance use disorder"])
        #expect(lookup.contains("consultations") && !lookup.contains("consul"))
        // Without a stemmer (a language libstemmer lacks), entries match as written only.
        let plain = SynonymLookup(table, stemmers: [])
        #expect(plain.alternatives(of: "physician") == ["doctor", "clinician"] && plain.alternatives(of: "physicians") == [])
    }
}
