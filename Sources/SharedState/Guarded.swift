import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// A value shared between threads behind a `Mutex`, whose critical sections ThreadSanitizer can see.
///
/// The `Synchronization` library is not built with the sanitizer, so its `Mutex` orders nothing in a
/// ThreadSanitizer run and every access under it looks like a race (checked: two threads appending to a
/// `Mutex<[Int]>` are reported at once). Each critical section here also tells the sanitizer that it acquires
/// and releases this object; outside a sanitizer build those hooks are absent and nothing is called.
public final class Guarded<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    public func withLock<Result>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
        try mutex.withLock { value in
            let address = Unmanaged.passUnretained(self).toOpaque()
            SanitizerHooks.shared.acquire?(address)
            defer { SanitizerHooks.shared.release?(address) }
            return try body(&value)
        }
    }
}

/// ThreadSanitizer's annotation entry points, looked up once in the running process: found only when it was
/// built with `--sanitize=thread`. Immutable after the lookup.
struct SanitizerHooks: @unchecked Sendable {
    typealias Hook = @convention(c) (UnsafeMutableRawPointer?) -> Void

    let acquire: Hook?
    let release: Hook?

    static let shared: SanitizerHooks = {
        let process = dlopen(nil, RTLD_NOW)
        func hook(_ name: String) -> Hook? { dlsym(process, name).map { unsafeBitCast($0, to: Hook.self) } }
        return SanitizerHooks(acquire: hook("__tsan_acquire"), release: hook("__tsan_release"))
    }()
}
