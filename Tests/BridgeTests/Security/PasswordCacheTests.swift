@testable import Bridge
import Foundation
import Testing
import QBBridgeTesting

@Suite("Remembered password checks", .tagFilter)
struct PasswordCacheTests {
    @Test("a successful check is remembered; a wrong password or a changed hash is checked by bcrypt again")
    func remembersOnlyTheSamePasswordAndHash() async throws {
        let hasher = PasswordHasher(cost: 4, cacheSeconds: 600)
        let hash = await hasher.hash("right")
        #expect(await hasher.verify("right", hash: hash, cacheKey: "acme"))
        #expect(hasher.cachedUntil("acme") != nil)
        #expect(await hasher.verify("wrong", hash: hash, cacheKey: "acme") == false)
        let changed = await hasher.hash("new")
        #expect(await hasher.verify("right", hash: changed, cacheKey: "acme") == false)
        #expect(await hasher.verify("new", hash: changed, cacheKey: "acme"))
    }

    @Test("users checked at the same moment are not all checked by bcrypt again at the same moment")
    func lifetimesAreSpread() async throws {
        let hasher = PasswordHasher(cost: 4, cacheSeconds: 600)
        let hash = await hasher.hash("secret")
        var lifetimes: [Double] = []
        for user in 0..<40 {
            // Each lifetime is drawn during its check: measured against the moments before and after it, as
            // a slow machine spends seconds on these 40 bcrypt checks.
            let before = Date().timeIntervalSince1970
            #expect(await hasher.verify("secret", hash: hash, cacheKey: "user\(user)"))
            let after = Date().timeIntervalSince1970
            let expires = try #require(hasher.cachedUntil("user\(user)"))
            #expect(expires - before >= 300 && expires - after <= 900, "lives 50–150 % of 600 s: \(expires - before)")
            lifetimes.append(expires - before)
        }
        let shortest = try #require(lifetimes.min()), longest = try #require(lifetimes.max())
        // 40 draws from 300–900 s: all within one 300 s stretch has a chance of about 40 × 0.5³⁹.
        #expect(longest - shortest > 300, "lifetimes bunched together: \(shortest)…\(longest)")
    }
}
