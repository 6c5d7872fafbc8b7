import Testing
import TerminalUI

/// The number formats every output shares: the screen's and the commands' alike.
@Suite struct FormatTests {
    @Test func theCommandsFormats() {
        #expect(Format.value(0.688_181_234_5) == "0.6881812")
        #expect(Format.value(.nan) == "nan" && Format.value(.infinity) == "inf")
        #expect(Format.percent(0.875, decimals: 1) == "87.5%")
        #expect(Format.percent(1) == "100%" && Format.percent(0.5) == "50%")
        #expect(Format.rate(950) == "950" && Format.rate(12_345) == "12.3k" && Format.rate(48_100_000) == "48.1M")
    }

    @Test func theScreensFormats() {
        #expect(Format.short(-0.660_123_4) == "-0.6601" && Format.short(.nan) == "NaN")
        #expect(Format.fixed(0.798_61, decimals: 4) == "0.7986" && Format.fixed(1.2e300, decimals: 4) == "1.2e+300")
        #expect(Format.signed(1.2, decimals: 2) == "+1.20" && Format.count(-12_345) == "-12,345")
    }

    /// For file formats: plain fixed decimals at any size (a number longer than the first buffer is not cut), and
    /// C's %g.
    @Test func fileFormats() {
        #expect(Format.plain(12.25, decimals: 1) == "12.2" && Format.plain(-3, decimals: 1) == "-3.0")
        #expect(Format.plain(1e300, decimals: 1).count == 303)
        #expect(Format.general(0.25) == "0.25" && Format.general(1e7) == "1e+07")
    }

    /// A learning rate as README and the command line write it, never with an exponent on the screen's rungs;
    /// counts that agree with their noun.
    @Test func decimalsAndCountedNouns() {
        #expect(Format.decimal(0.00001) == "0.00001" && Format.decimal(0.1) == "0.1" && Format.decimal(2.5) == "2.5")
        #expect(Format.decimal(0.3000000000000000444) == "0.3" && Format.decimal(10) == "10")
        #expect(Format.decimal(0.000123456, digits: 6) == "0.000123456" && Format.decimal(9.99995) == "10")
        #expect(Format.decimal(1e-7) == "1e-07" && Format.decimal(0) == "0" && Format.decimal(.nan) == "NaN")
        #expect(Format.counted(1, "row") == "1 row" && Format.counted(0, "row") == "0 rows")
        #expect(Format.counted(12_345, "training row") == "12,345 training rows")
    }
}
