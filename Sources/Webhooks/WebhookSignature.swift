import Crypto
import FoundationEssentials

/// Standard Webhooks signing: `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`
/// under the secret's key (the base64 after `whsec_`).
public enum WebhookSignature {
    /// The `webhook-signature` value for one delivery.
    public static func sign(id: String, timestamp: Int, body: [UInt8], secret: String) -> String {
        let encodedKey = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        let key = Data(base64Encoded: encodedKey).map { Array($0) } ?? Array(secret.utf8)
        let signed = Array("\(id).\(timestamp).".utf8) + body
        return "v1," + Data(HMACSHA256.authenticationCode(key: key, message: signed)).base64EncodedString()
    }
}
