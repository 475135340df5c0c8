import Emulation
import Foundation
import Testing

/// Per-key request budgets on the emulated clock, with fixed windows from each key's first call.
@Suite struct RateLimiterTests {
    private let start = Date(timeIntervalSince1970: 1_767_225_600)
    private let off = RateLimit(isEnabled: false, limit: 60, windowSeconds: 60)

    @Test func anHourlyBudgetCountsFromTheFirstCall() throws {
        // Eventbrite: 2,000 calls an hour per token, `x-rate-limit: token:T used/limit reset=Ns`.
        let limiter = RateLimiter()
        let hourly = RateLimit(limit: 2000, windowSeconds: 3600)
        let first = try #require(limiter.count(provider: "eventbrite", key: "T", at: start, default: hourly))
        #expect(first == RateLimitDecision(allowed: true, used: 1, limit: 2000, secondsToReset: 3600))
        _ = limiter.count(provider: "eventbrite", key: "T", at: start.addingTimeInterval(2), default: hourly)
        let third = limiter.count(provider: "eventbrite", key: "T", at: start.addingTimeInterval(6), default: hourly)
        #expect(third == RateLimitDecision(allowed: true, used: 3, limit: 2000, secondsToReset: 3594))
        // Another key, or another provider, has its own budget.
        #expect(limiter.count(provider: "eventbrite", key: "U", at: start.addingTimeInterval(6), default: hourly)?.used == 1)
        #expect(limiter.count(provider: "other", key: "T", at: start.addingTimeInterval(6), default: hourly)?.used == 1)
    }

    @Test func aSpentBudgetRefusesWithoutCountingUntilTheWindowEnds() {
        let limiter = RateLimiter()
        let small = RateLimit(limit: 2, windowSeconds: 10)
        #expect(limiter.count(provider: "p", key: "k", at: start, default: small)?.allowed == true)
        #expect(limiter.count(provider: "p", key: "k", at: start.addingTimeInterval(1), default: small)?.allowed == true)
        let refused = limiter.count(provider: "p", key: "k", at: start.addingTimeInterval(4), default: small)
        #expect(refused == RateLimitDecision(allowed: false, used: 2, limit: 2, secondsToReset: 6))
        // Partial seconds round up, never to zero.
        #expect(limiter.count(provider: "p", key: "k", at: start.addingTimeInterval(9.9), default: small)?.secondsToReset == 1)
        // The window ends ten seconds after the first call.
        let next = limiter.count(provider: "p", key: "k", at: start.addingTimeInterval(10), default: small)
        #expect(next == RateLimitDecision(allowed: true, used: 1, limit: 2, secondsToReset: 10))
        // A clock moved back before the window's start opens a new window.
        #expect(limiter.count(provider: "p", key: "k", at: start, default: small)?.used == 1)
    }

    @Test func aLimitOfZeroRefusesEveryRequestForAFullWindow() {
        let limiter = RateLimiter()
        let none = RateLimit(limit: 0, windowSeconds: 10)
        #expect(limiter.count(provider: "p", key: "k", at: start, default: none)?.allowed == false)
        #expect(limiter.count(provider: "p", key: "k", at: start.addingTimeInterval(3), default: none)?.secondsToReset == 10)
    }

    @Test func offByDefaultSwitchedPerProviderAndResetToTheDefault() {
        let limiter = RateLimiter()
        #expect(limiter.count(provider: "tito", key: "k", at: start, default: off) == nil)
        #expect(limiter.limit(provider: "tito", default: off) == off)

        let on = RateLimit(limit: 1, windowSeconds: 60)
        limiter.setLimit(on, provider: "tito")
        #expect(limiter.limit(provider: "tito", default: off) == on)
        #expect(limiter.count(provider: "tito", key: "k", at: start, default: off)?.allowed == true)
        #expect(limiter.count(provider: "tito", key: "k", at: start, default: off)?.allowed == false)
        // Setting a limit starts every window of the provider afresh.
        limiter.setLimit(on, provider: "tito")
        #expect(limiter.count(provider: "tito", key: "k", at: start, default: off)?.allowed == true)
        // Another provider's reset leaves it alone; its own puts the default back.
        limiter.reset(provider: "goevent")
        #expect(limiter.limit(provider: "tito", default: off) == on)
        limiter.reset(provider: "tito")
        #expect(limiter.count(provider: "tito", key: "k", at: start, default: off) == nil)

        limiter.setLimit(on, provider: "tito")
        limiter.reset(provider: nil)
        #expect(limiter.limit(provider: "tito", default: off) == off)
    }
}
