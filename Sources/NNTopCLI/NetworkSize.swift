import DataFiles
import NeuralCore

/// Refuses, before anything is allocated, a network the machine's memory cannot hold: training keeps several
/// copies of the parameters (the network, its gradient, the last finite parameters, the snapshots the dashboard
/// reads), so a thousand layers of 4 096 (17 G parameters, about a terabyte) fail here with one line rather than
/// in the allocator with a backtrace.
enum NetworkSize {
    /// Bytes per parameter, all copies together.
    static let bytesPerParameter = 64

    /// The parameters of a network of `inputs` → `hidden` → 1, saturating at `Int.max`.
    static func parameters(inputs: Int, hidden: [Int]) -> Int {
        let sizes = [inputs] + hidden + [1]
        var total = 0
        for (fanIn, units) in zip(sizes, sizes.dropFirst()) {
            let layer = (fanIn.addingReportingOverflow(1).overflow ? Int.max : fanIn + 1).saturatingMultiplied(
                by: units)
            let (sum, overflow) = total.addingReportingOverflow(layer)
            total = overflow ? .max : sum
        }
        return total
    }

    /// Throws when training this network would need more than half the machine's memory.
    static func check(inputs: Int, hidden: [Int]) throws {
        let count = parameters(inputs: inputs, hidden: hidden)
        let most = MachineMemory.bytes / 2 / bytesPerParameter
        guard count > most else { return }
        throw UsageError(
            "a network of \(inputs) inputs and hidden layers \(describe(hidden)) has \(Self.count(count)) parameters; this machine's memory holds at most \(Self.count(most)) in training (give fewer or narrower --hidden layers)"
        )
    }

    private static func describe(_ hidden: [Int]) -> String {
        hidden.count <= 6
            ? hidden.map(String.init).joined(separator: ",")
            : "\(hidden.prefix(3).map(String.init).joined(separator: ",")),… (\(hidden.count) layers)"
    }

    /// 1.7 G, 340 M, 12 000.
    private static func count(_ n: Int) -> String {
        if n >= 1_000_000_000 { return "\(Double(n / 100_000_000) / 10) G" }
        if n >= 1_000_000 { return "\(Double(n / 100_000) / 10) M" }
        return String(n)
    }
}
