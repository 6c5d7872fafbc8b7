import CNCurses
import TerminalUI

extension CursesScreen {
    /// Copies `buffer` to the terminal: erase, every cell, `wnoutrefresh`, one `doupdate`. Curses sends only
    /// the cells that changed, so an unchanged frame costs nothing on the wire.
    public func draw(_ buffer: Buffer) {
        let window = nntop_stdscr()
        werase(window)
        let width = min(buffer.size.width, size.width), height = min(buffer.size.height, size.height)
        for y in 0..<height {
            for x in 0..<width {
                let cell = buffer[x, y]
                if cell == .blank { continue }
                _ = nntop_put_cell(
                    window, Int32(y), Int32(x), wchar_t(bitPattern: cell.scalar.value),
                    attributes(cell.style), colour ? pairs.pair(for: cell.style) : 0)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = nntop_a_normal()
        if style.bold { a |= nntop_a_bold() }
        if style.dim && colour { a |= nntop_a_dim() }
        if style.reverse { a |= nntop_a_reverse() }
        if style.underline { a |= nntop_a_underline() }
        return a
    }
}
