/// Which IP addresses a webhook may not reach unless private webhooks are allowed: loopback,
/// unspecified, private (RFC 1918, IPv6 unique local), carrier-grade NAT, link-local (cloud
/// metadata services live at 169.254.169.254), multicast, reserved and broadcast; IPv4 addresses
/// embedded in IPv6 (mapped, compatible, NAT64) are judged as IPv4.
public enum WebhookAddressPolicy {
    /// Why `address` (4 or 16 bytes) is refused, or nil when it is a public address.
    public static func refusal(_ address: [UInt8]) -> String? {
        switch address.count {
        case 4: return refusal(ipv4: address)
        case 16: return refusal(ipv6: address)
        default: return "not an IP address"
        }
    }

    private static func refusal(ipv4 a: [UInt8]) -> String? {
        switch (a[0], a[1]) {
        case (0, _): "an unspecified (0.0.0.0/8) address"
        case (10, _), (172, 16...31), (192, 168): "a private address"
        case (100, 64...127): "a carrier-grade NAT address"
        case (127, _): "a loopback address"
        case (169, 254): "a link-local or cloud metadata address"
        case (192, 0) where a[2] == 0: "an IETF protocol address"
        case (198, 18...19): "a benchmarking address"
        case (224...239, _): "a multicast address"
        case (240...255, _): "a reserved or broadcast address"
        default: nil
        }
    }

    private static func refusal(ipv6 a: [UInt8]) -> String? {
        let zeroPrefix = a[0..<10].allSatisfy { $0 == 0 }
        if zeroPrefix && a[10] == 0xFF && a[11] == 0xFF { return refusal(ipv4: Array(a[12...])) }
        if a[0..<12].allSatisfy({ $0 == 0 }) {
            if a[12..<15].allSatisfy({ $0 == 0 }) && a[15] <= 1 { return a[15] == 1 ? "a loopback address" : "the unspecified address" }
            return refusal(ipv4: Array(a[12...])) ?? "an IPv4-compatible address"
        }
        if a[0] == 0x00, a[1] == 0x64, a[2] == 0xFF, a[3] == 0x9B, a[4..<12].allSatisfy({ $0 == 0 }) {
            return refusal(ipv4: Array(a[12...]))
        }
        if a[0] & 0xFE == 0xFC { return "a unique local (private) address" }
        if a[0] == 0xFE && a[1] & 0xC0 == 0x80 { return "a link-local address" }
        if a[0] == 0xFF { return "a multicast address" }
        return nil
    }
}
