/// The sign-in form: one field, `token`, exchanged for a session cookie by `POST /ui/login`.
public enum LoginPage {
    /// Why the form is shown again.
    public enum Notice: Sendable {
        case none, invalidToken, signedOut, sessionEnded

        var text: String? {
            switch self {
            case .none: nil
            case .invalidToken: "That token is unknown or revoked. Ask an admin for one (meshreg token issue)."
            case .signedOut: "You are signed out."
            case .sessionEnded: "Your session ended. Sign in again."
            }
        }
    }

    public static func html(_ notice: Notice) -> String {
        let message = notice.text.map { #"<p class="notice" role="alert">\#($0)</p>"# } ?? ""
        return PageHead.html(title: "Sign in") + "\n" + """
            <body>
            <main id="main" class="login">
            <h1>Sign in to meshreg</h1>
            \(message)
            <form method="post" action="/ui/login">
            <label for="token">API token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false">
            <button type="submit">Sign in</button>
            </form>
            <p class="hint">Use the token an admin issued you; it is exchanged for a session and not kept in the browser.</p>
            </main>
            </body>
            </html>
            """
    }
}
