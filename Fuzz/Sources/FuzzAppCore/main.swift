// Fuzz target: the app core. The bytes become messages (keys, typed text, clicks anywhere, resizes
// down to 0x0, clock ticks, pastes, PIN answers, content reloads), fed to the browser or to the
// kiosk around it; after every message the screen is drawn at the last size.
import FuzzDriver
import FuzzSupport
import PamphletKit
import PamphletUI

let reloads = [BundledContent.loaded, BundledContent.reloaded, BundledContent.shrunk]

func drive<P: Program>(_ program: inout P, _ stream: inout MessageStream<FuzzBytes>) {
    var count = 0
    while count < 400, let msg = stream.next() {
        count += 1
        _ = program.update(msg)
        let (w, h) = (min(stream.width, 300), min(stream.height, 120))
        Checks.canvas(program.view(width: w, height: h), width: w, height: h)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAppCore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var bytes = FuzzBytes(Array(UnsafeBufferPointer(start: data, count: size)))
    guard let mode = bytes.nextByte() else { return 0 }
    var stream = MessageStream(bytes, reloads: reloads)
    let options = AppOptions(asciiOnly: mode & 2 != 0, crisisLine: mode & 4 != 0 ? "988" : nil)
    if mode & 1 == 0 {
        var app = AppState(content: BundledContent.loaded, options: options)
        drive(&app, &stream)
    } else {
        var kiosk = KioskState<AppState>(content: BundledContent.loaded,
                                         options: KioskOptions(idleTimeout: 5, countdown: 3, browser: options))
        drive(&kiosk, &stream)
    }
    return 0
}

runFuzzer(fuzzAppCore)
