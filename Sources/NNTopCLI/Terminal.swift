#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain writes to the standard streams, unbuffered, so lines from progress and errors keep their order.
enum Terminal {
    static func writeError(_ text: String) { _ = write(text, to: 2) }

    /// One line on stderr, after the program's name.
    static func note(_ text: String) { writeError("nntop: \(text)\n") }

    /// Writes the command's output. Output that cannot be written (a full disk, /dev/full, a closed stdout) ends
    /// the program with one line on stderr and exit status 1: what was asked for is never lost in silence.
    static func writeOutput(_ text: String) {
        let failure = write(text, to: 1)
        guard failure != 0 else { return }
        let reason = failure == EBADF ? "it is closed" : String(cString: strerror(failure)).lowercased()
        writeError("nntop: cannot write the output to standard output: \(reason)\n")
        exit(1)
    }

    /// Every byte of `text` to `fd`: 0, or the `errno` of the write that failed.
    static func write(_ text: String, to fd: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return EIO }
                offset += n
            }
            return 0
        }
    }

    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Whether the terminal type can move the cursor back over a line: TERM is set and not "dumb".
    static var canRedraw: Bool {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return !term.isEmpty && term != "dumb"
    }
}
