/// The error curve in bounded memory for unbounded training: the whole run at decreasing resolution plus the
/// most recent reports at full resolution.
///
/// The whole-run part is a row of buckets. When the row is full, neighbouring buckets merge pairwise (keeping
/// the minimum, maximum and mean of each error) and each bucket from then on covers twice as many reports. A
/// ten-hour run therefore uses the same memory as a ten-second one.
public struct ErrorHistory: Sendable, Equatable {
    /// A span of reports summarised: iterations `first...last`, the training error's extremes and mean, and
    /// the test error's extremes and mean over the reports that had one (`testCount`) when there is test data.
    /// Merging keeps every extreme and the first iteration, so neither the start of a run nor a spike is lost.
    public struct Bucket: Sendable, Equatable {
        public var first: Int
        public var last: Int
        public var minimum: Double
        public var maximum: Double
        public var mean: Double
        public var testMean: Double?
        public var testMinimum: Double?
        public var testMaximum: Double?
        public var count: Int
        /// Reports of the span with a test error.
        public var testCount: Int

        /// A bucket holding one report.
        public init(_ point: Point) {
            first = point.iteration
            last = point.iteration
            minimum = point.error
            maximum = point.error
            mean = point.error
            testMean = point.testError
            testMinimum = point.testError
            testMaximum = point.testError
            count = 1
            testCount = point.testError == nil ? 0 : 1
        }

        /// This span followed by `other`.
        public func merged(with other: Bucket) -> Bucket {
            var b = self
            b.first = Swift.min(first, other.first)
            b.last = Swift.max(last, other.last)
            b.minimum = Swift.min(minimum, other.minimum)
            b.maximum = Swift.max(maximum, other.maximum)
            // Counts in doubles and saturated: buckets built by hand may hold any counts.
            let n = Double(count) + Double(other.count)
            b.mean = (mean * Double(count) + other.mean * Double(other.count)) / n
            b.count = Self.sum(count, other.count)
            b.testCount = Self.sum(testCount, other.testCount)
            switch (testMean, other.testMean) {
            case (let t?, let u?):
                let m = Double(testCount) + Double(other.testCount)
                b.testMean = (t * Double(testCount) + u * Double(other.testCount)) / m
                b.testMinimum = Swift.min(testMinimum ?? t, other.testMinimum ?? u)
                b.testMaximum = Swift.max(testMaximum ?? t, other.testMaximum ?? u)
            case (nil, _?):
                (b.testMean, b.testMinimum, b.testMaximum) = (other.testMean, other.testMinimum, other.testMaximum)
            default:
                break
            }
            return b
        }

        private static func sum(_ a: Int, _ b: Int) -> Int {
            let (total, overflow) = a.addingReportingOverflow(b)
            return overflow ? (b > 0 ? .max : .min) : total
        }
    }

    /// One report at full resolution.
    public struct Point: Sendable, Equatable {
        public var iteration: Int
        public var error: Double
        public var testError: Double?

        public init(iteration: Int, error: Double, testError: Double? = nil) {
            self.iteration = iteration
            self.error = error
            self.testError = testError
        }
    }

    public let capacity: Int
    public private(set) var buckets: [Bucket] = []
    /// Reports each full bucket holds (a power of two).
    public private(set) var bucketSpan = 1
    /// The last `capacity` reports, oldest first.
    public private(set) var recent: [Point] = []
    private var recentStart = 0
    public private(set) var totalReports = 0

    public init(capacity: Int = 512) {
        precondition(capacity >= 2 && capacity % 2 == 0, "capacity must be even")
        self.capacity = capacity
        buckets.reserveCapacity(capacity)
        recent.reserveCapacity(capacity)
    }

    public mutating func append(_ point: Point) {
        totalReports += 1
        if recent.count < capacity {
            recent.append(point)
        } else {
            recent[recentStart] = point
            recentStart = (recentStart + 1) % capacity
        }
        if let last = buckets.last, last.count < bucketSpan {
            buckets[buckets.count - 1] = last.merged(with: Bucket(point))
        } else {
            if buckets.count == capacity { compact() }
            buckets.append(Bucket(point))
        }
    }

    /// The recent window in order, oldest first.
    public var recentPoints: [Point] {
        Array(recent[recentStart...] + recent[..<recentStart])
    }

    public var isEmpty: Bool { totalReports == 0 }

    private mutating func compact() {
        var merged: [Bucket] = []
        merged.reserveCapacity(capacity)
        var i = 0
        while i + 1 < buckets.count {
            merged.append(buckets[i].merged(with: buckets[i + 1]))
            i += 2
        }
        if i < buckets.count { merged.append(buckets[i]) }
        buckets.removeAll(keepingCapacity: true)
        buckets.append(contentsOf: merged)
        bucketSpan *= 2
    }
}
