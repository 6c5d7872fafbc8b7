/// What one read from the terminal gave.
public enum InputEvent: Sendable, Equatable {
    case key(Key)
    case resize(Size)
}

/// A terminal as the dashboard's program loop sees it: its size, a buffer drawn, the next input with a timeout,
/// a termination signal received, and suspending to the shell. The curses backend is one; tests use one in
/// memory.
public protocol Screen: AnyObject {
    var size: Size { get }
    func draw(_ buffer: Buffer)
    /// Waits up to `timeoutMilliseconds` (0: do not wait) for a key, a mouse click or a resize.
    func read(timeoutMilliseconds: Int32) -> InputEvent?
    /// A termination signal received since the last look, if any.
    var pendingSignal: Int32? { get }
    /// Gives the terminal back and stops the process (Ctrl-Z) until `fg`.
    func suspend()
}
