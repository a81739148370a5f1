import Testing
@testable import PamphletKit

@Suite("Kiosk PIN hash (libargon2)")
struct KioskPINHashTests {
    @Test func hashIsEncodedArgon2idWithTheAgreedCosts() throws {
        let encoded = try PINHash.hash("4826")
        #expect(encoded.hasPrefix("$argon2id$v=19$m=65536,t=3,p=1$"))
        #expect(!encoded.contains("4826"))
        try PINHash.validate(encoded)
    }

    @Test func verifiesTheRightPINOnly() throws {
        let encoded = try PINHash.hash("4826")
        #expect(PINHash.verify("4826", against: encoded))
        #expect(!PINHash.verify("4827", against: encoded))
        #expect(!PINHash.verify("", against: encoded))
        #expect(!PINHash.verify("48260", against: encoded))
    }

    @Test func saltsAreRandom() throws {
        #expect(try PINHash.hash("4826") != PINHash.hash("4826"))
    }

    @Test func fixedSaltIsDeterministic() throws {
        let salt = [UInt8](repeating: 7, count: 16)
        #expect(try PINHash.hash("4826", salt: salt) == PINHash.hash("4826", salt: salt))
    }

    @Test func shortPINsAreRefused() {
        #expect(throws: PINHash.Failure.pinTooShort(minimum: 4)) { try PINHash.hash("123") }
    }

    @Test(arguments: ["", "4826", "$argon2i$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaA",
                      "$argon2id$v=19$m=65536,t=3,p=1$!!!$???", "$argon2id$garbage"])
    func malformedHashesAreRejected(_ encoded: String) {
        #expect(throws: PINHash.Failure.self) { try PINHash.validate(encoded) }
        #expect(!PINHash.verify("4826", against: encoded))
    }
}
