import CNCurses
import TerminalUI
#if canImport(Glibc)
    import Glibc
#endif

/// The terminal, through ncursesw: set up on `open`, restored on `close` (and, as a last resort, at exit).
/// Only the main thread touches it.
public final class CursesScreen: Screen {
    public enum OpenError: Error, CustomStringConvertible {
        case notATerminal
        case unknownTerminal(String)
        /// A terminal type that cannot move the cursor (TERM=dumb): the dashboard would be garbage.
        case cannotDraw(String)
        /// No terminal type at all (TERM unset or empty).
        case noTerminalType

        public var description: String {
            switch self {
            case .notATerminal:
                return "the dashboard needs a terminal on stdout; use nntop train for headless training"
            case .unknownTerminal(let name):
                return "unknown terminal type \"\(name)\" (set TERM to one your system knows, e.g. xterm-256color)"
            case .noTerminalType:
                return
                    "TERM is not set, so the dashboard cannot know how to draw (set TERM, e.g. xterm-256color, or use nntop train)"
            case .cannotDraw(let name):
                return
                    "terminal type \"\(name)\" cannot draw the dashboard (set TERM, e.g. xterm-256color, or use nntop train)"
            }
        }
    }

    /// True when wide glyphs can be drawn (a UTF-8 locale).
    public let unicode: Bool
    public let colour: Bool
    private var isOpen = false
    /// Colour pairs made so far (used only when `colour`).
    var pairs = ColourPairs()
    private var screen: OpaquePointer?

    /// Sets up curses: locale first, raw keys, no echo, keypad decoding, hidden cursor, colours unless NO_COLOR.
    public init(forceASCII: Bool) throws(OpenError) {
        setlocale(LC_ALL, "")
        // Curses needs the locale's characters; numbers stay as every output format writes them, with a point
        // (a comma-decimal locale made the probe show 1,5 and then reject it, and the SVG write x="70,0").
        setlocale(LC_NUMERIC, "C")
        guard isatty(1) == 1, isatty(0) == 1 else { throw .notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty else { throw .noTerminalType }
        guard term != "dumb" else { throw .cannotDraw(term) }
        // Our handlers go in first: newterm puts its own on SIGINT and SIGTERM when they are at their defaults,
        // and those end the process with status 1 (a SIGTERM in the first milliseconds did).
        SignalFlags.install()
        // newterm reports an unknown TERM as NULL instead of exiting the process as initscr does.
        guard let screen = nntop_newterm() else {
            SignalFlags.uninstall()
            throw .unknownTerminal(term)
        }
        self.screen = screen
        set_term(screen)
        isOpen = true
        unicode = !forceASCII && String(cString: nntop_codeset()) == "UTF-8"
        raw()
        noecho()
        nonl()
        keypad(nntop_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mousemask(nntop_button1_pressed() | nntop_button1_clicked() | nntop_wheel_up() | nntop_wheel_down(), nil)
        let wantsColour = getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
        colour = wantsColour && has_colors()
        if colour {
            start_color()
            use_default_colors()
            pairs = ColourPairs()
        }
        CrashRestore.install()
        CursesScreen.installExitRestore()
    }

    /// True when colour is on and the terminal has the 256-colour palette.
    public var palette: Bool { colour && nntop_colors() >= 256 }

    /// The terminal's size now.
    public var size: Size { Size(width: Int(nntop_cols()), height: Int(nntop_lines())) }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    deinit { close() }

    /// Ctrl-Z: give the terminal back, stop, and redraw from scratch on `fg`.
    public func suspend() {
        endwin()
        kill(getpid(), SIGTSTP)
        refresh()
        clearok(nntop_stdscr(), true)
    }

    /// Termination signal received since the last check, if any.
    public var pendingSignal: Int32? { SignalFlags.received }

    /// Gives up the terminal for good and ends the process by `signal`, as if it had not been caught.
    public func exit(bySignal sig: Int32) -> Never {
        close()
        signal(sig, SIG_DFL)
        raise(sig)
        Glibc.exit(128 + sig)
    }

    private static let exitHookInstalled = Atomic<Bool>(false)

    private static func installExitRestore() {
        guard !exitHookInstalled.exchange(true, ordering: .relaxed) else { return }
        atexit { if !isendwin() { endwin() } }
    }
}

import Synchronization
