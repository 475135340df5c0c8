import Emulation
import Testing

@Suite struct ASCIIScannerTests {
    @Test func readsDigitsAndSkipsOnlyWhatMatches() {
        var scanner = ASCIIScanner("2024-06")
        let year = scanner.digits(4)
        let skippedOther = scanner.skip(anyOf: "T:")
        let skippedDash = scanner.skip(anyOf: "-+")
        let tooMany = scanner.digits(3)
        let month = scanner.digits(2)
        #expect(year == 2024 && !skippedOther && skippedDash && tooMany == nil && month == 6)
        #expect(scanner.isAtEnd)
    }

    @Test func aFailedReadConsumesNothing() {
        var scanner = ASCIIScanner("1x23")
        let two = scanner.digits(2)
        let one = scanner.digits(1)
        let sign = scanner.sign()
        let fraction = scanner.fraction()
        let skipped = scanner.skip(anyOf: "x")
        let rest = scanner.digits(2)
        #expect(two == nil && one == 1 && sign == nil && fraction == nil && skipped && rest == 23)
        #expect(scanner.isAtEnd)
    }

    @Test func readsFractionsAndSigns() {
        var scanner = ASCIIScanner("25-+5")
        let quarter = scanner.fraction()
        let minus = scanner.sign()
        let plus = scanner.sign()
        let half = scanner.fraction()
        #expect(quarter == 0.25 && minus == -1 && plus == 1 && half == 0.5)
        #expect(scanner.isAtEnd)
    }
}
