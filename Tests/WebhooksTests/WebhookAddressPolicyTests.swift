import Testing
import Webhooks

/// The SSRF guard: which addresses webhooks may not reach.
@Suite struct WebhookAddressPolicyTests {
    @Test(arguments: [
        [127, 0, 0, 1], [10, 1, 2, 3], [172, 16, 0, 1], [172, 31, 255, 255], [192, 168, 1, 1], [169, 254, 169, 254],
        [100, 64, 0, 1], [0, 0, 0, 0], [224, 0, 0, 1], [255, 255, 255, 255], [192, 0, 0, 8],
    ] as [[UInt8]])
    func refusesNonPublicIPv4(address: [UInt8]) {
        #expect(WebhookAddressPolicy.refusal(address) != nil)
    }

    @Test(arguments: [[8, 8, 8, 8], [1, 1, 1, 1], [172, 32, 0, 1], [100, 128, 0, 1], [193, 0, 0, 1]] as [[UInt8]])
    func allowsPublicIPv4(address: [UInt8]) {
        #expect(WebhookAddressPolicy.refusal(address) == nil)
    }

    private static func ipv6(_ groups: [UInt16]) -> [UInt8] { groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }

    @Test(arguments: [
        [0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0, 0], [0xFE80, 0, 0, 0, 0, 0, 0, 1], [0xFD00, 0xEC2, 0, 0, 0, 0, 0, 0x254],
        [0xFF02, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0xFFFF, 0x7F00, 0x0001], [0x64, 0xFF9B, 0, 0, 0, 0, 0xA9FE, 0xA9FE],
    ] as [[UInt16]])
    func refusesNonPublicIPv6(groups: [UInt16]) {
        #expect(WebhookAddressPolicy.refusal(Self.ipv6(groups)) != nil)
    }

    @Test func allowsPublicIPv6AndMappedPublicIPv4() {
        #expect(WebhookAddressPolicy.refusal(Self.ipv6([0x2001, 0x4860, 0x4860, 0, 0, 0, 0, 0x8888])) == nil)
        #expect(WebhookAddressPolicy.refusal(Self.ipv6([0, 0, 0, 0, 0, 0xFFFF, 0x0808, 0x0808])) == nil)
    }

    @Test func theURLGuardResolvesNamesAndRefusesLoopback() {
        let guarded = WebhookURLGuard(allowsPrivateAddresses: false)
        #expect(guarded.refusal("http://localhost:9000/hook")?.contains("loopback") == true)
        #expect(guarded.refusal("http://[::1]:9000/hook")?.contains("loopback") == true)
        #expect(guarded.refusal("http://169.254.169.254/latest/meta-data")?.contains("metadata") == true)
        #expect(guarded.refusal("ftp://example.com/hook")?.contains("http") == true)
        #expect(guarded.refusal("http://user:pw@8.8.8.8/hook")?.contains("credentials") == true)
        #expect(WebhookURLGuard(allowsPrivateAddresses: true).refusal("http://127.0.0.1:9000/hook") == nil)
    }
}
