#if canImport(Glibc)
import Glibc

@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Hands the pages of freed heap memory back to the system.
///
/// glibc keeps small blocks freed in the middle of its heap as its own: a loaded library's
/// hundreds of thousands of strings and arrays, freed before an index build, stayed resident and
/// the build's large buffers (mapped apart from the heap) came on top of them.
enum FreedMemory {
    static func returnToSystem() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}
