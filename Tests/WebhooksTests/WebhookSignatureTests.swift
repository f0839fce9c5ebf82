import Testing
import Webhooks

/// Standard Webhooks signatures.
@Suite struct WebhookSignatureTests {
    /// The example of the Standard Webhooks reference libraries' tests.
    @Test func matchesTheStandardWebhooksReferenceExample() {
        let body = Array(#"{"test": 2432232314}"#.utf8)
        let signature = WebhookSignature.sign(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body,
                                              secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }
}
