import CNCurses
import TerminalUI

/// One curses colour pair per foreground colour, on the terminal's own background.
enum ColourPairs {
    static func register() {
        for colour in Colour.allCases where colour != .standard {
            init_pair(pair(for: colour), Int16(colour.rawValue), -1)
        }
    }

    /// Pair 0 is the terminal's default; pairs 1… are the colours in order.
    static func pair(for colour: Colour) -> Int16 {
        colour == .standard ? 0 : Int16(colour.rawValue + 1)
    }
}
