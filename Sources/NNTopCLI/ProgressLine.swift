import NeuralCore
import TerminalUI

/// The text of `nntop train`'s progress: how far, the newest loss, the rate and the time left. A pure function of
/// its figures, so the line a terminal shows and the one a log gets are tested without a clock.
struct ProgressLine {
    let iteration: Int
    let total: Int
    /// Seconds since training started.
    let elapsed: Double
    /// The mean loss per instance at the newest report, if there is one yet.
    let loss: Double?

    /// Iterations per second so far.
    var rate: Double { elapsed > 0 ? Double(iteration) / elapsed : 0 }

    var fraction: Double { total > 0 ? min(max(Double(iteration) / Double(total), 0), 1) : 0 }

    /// Seconds left at the rate so far, or nil before any iteration.
    var secondsLeft: Double? {
        guard rate > 0, iteration > 0 else { return nil }
        return Double(max(total - iteration, 0)) / rate
    }

    /// "loss 0.1234  1,234,567 it/s  ETA 0:42": the figures, without the bar.
    var figures: String {
        [
            "\(Format.percent(fraction))",
            "\(Format.count(iteration))/\(Format.count(total))",
            "loss \(loss.map { Format.short($0) } ?? "-")",
            "\(Format.count(Int(saturating: rate.rounded()))) it/s",
            "ETA \(secondsLeft.map(Self.clock) ?? "-")"
        ].joined(separator: "  ")
    }

    /// The line a terminal redraws: a bar as wide as `columns` leaves room for (none when narrow), then the
    /// figures, cut to `columns` so the line never wraps.
    func bar(columns: Int) -> String {
        let text = figures
        let width = min(30, columns - text.count - 2)
        guard width >= 10 else { return String(text.prefix(max(columns - 1, 0))) }
        let filled = min(Int(saturating: (fraction * Double(width)).rounded(.down)), width)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " " + text
    }

    /// The line a log gets every few seconds: "nntop: iteration 4,500/10,000 (45%), loss 0.1234, ...".
    var logLine: String {
        "nntop: iteration \(Format.count(iteration))/\(Format.count(total)) (\(Format.percent(fraction))), "
            + "loss \(loss.map { Format.short($0) } ?? "-"), "
            + "\(Format.count(Int(saturating: rate.rounded()))) it/s, ETA \(secondsLeft.map(Self.clock) ?? "-")"
    }

    /// Seconds as a clock: 0:07, 12:05, 3:02:09; "-" beyond 10 000 hours.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 36_000_000 else { return "-" }
        let s = Int(seconds.rounded(.up))
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}
