@testable import PamphletKit

/// Small libraries written in code, for search tests that do not depend on the bundled content.
enum SearchFixtures {
    static func doc(_ id: String, _ kind: DocumentKind = .article, title: String, summary: String = "",
                    tags: [String] = [], language: String = "en", intro: String = "",
                    conditions: [String] = [], sections: [(String, String)]) -> Document {
        Document(id: id, kind: kind, title: title, summary: summary, tags: tags, language: language,
                 intro: intro.isEmpty ? [] : [.paragraph([.text(intro)])],
                 sections: sections.map { Section(id: Slug.make($0.0), heading: $0.0, blocks: [.paragraph([.text($0.1)])]) },
                 conditions: conditions)
    }

    static let clinic = Library(site: Site(name: "Test Clinic"), documents: [
        doc("is-ketamine-an-opiate", title: "Is Ketamine an Opiate?",
            intro: "With the dangers of ketamine in recreational use but the benefits with psychiatric treatment, what is the truth?",
            sections: [
                ("Ketamine Effects", "Scientists at Stanford University held a randomized, double-blind, crossover trial. Ketamine’s effects could be opioid related."),
                ("Ketamine Drug Trials", "The trial enrolled adults with treatment resistant depression (TRD). Participants received a dose of naltrexone, an opioid blocker, before the infusion."),
                ("Is Ketamine Addictive?", "Ketamine can be habit forming when abused recreationally. In a clinical setting, with supervised low doses, the risk of addiction is low."),
                ("The Difference Between Ketamine & Opiates", "Opioids such as morphine act on receptors differently; ketamine is a dissociative anesthetic."),
            ]),
        doc("tms-therapy", .treatment, title: "TMS Therapy", summary: "Magnetic pulses for depression.",
            tags: ["brain stimulation"], conditions: ["depression", "OCD"],
            sections: [
                ("What is TMS?", "Transcranial magnetic stimulation (TMS) uses magnetic fields to stimulate nerve cells in the brain."),
                ("Side effects", "Most people feel a tapping on the scalp. Headaches are common and mild."),
            ]),
        doc("iv-ketamine-infusions", .treatment, title: "IV Ketamine Infusions",
            sections: [
                ("How infusions work", "An intravenous infusion delivers ketamine slowly over forty minutes while staff monitor you."),
                ("Costs", "Insurance rarely covers infusions. Ask about payment plans."),
            ]),
        doc("tratamientos", title: "Nuestros tratamientos", language: "es",
            sections: [
                ("Terapias disponibles", "Ofrecemos tratamientos con ketamina y estimulación magnética para la depresión."),
            ]),
        doc("ketamine-faq", .faq, title: "Ketamine FAQ",
            sections: [
                ("Is ketamine addictive?", "When used under medical supervision, ketamine has a low risk of dependence."),
                ("How long does an infusion take?", "About forty minutes, plus recovery time."),
            ]),
    ])
}
