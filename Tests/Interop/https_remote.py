#!/usr/bin/env python3
"""The remote CLI over https://, as a domain's CI would reach a registry behind a TLS proxy.

Makes a test CA and a server certificate for localhost with the openssl command, puts a small TLS
proxy (Python's ssl module) in front of the running `meshreg serve`, and checks:
  - `meshreg list products --server https://localhost:PORT` succeeds when the test CA is trusted,
    and lists every product of the shipped mesh;
  - a remote `plan` of a domain's tree works over the same connection;
  - the same call without the test CA in the trust store exits 2 and names the certificate problem,
    never falling back to plain HTTP or ignoring the certificate;
  - a certificate that does not name the host (the same proxy reached as 127.0.0.2) is refused.
meshreg verifies with OpenSSL's default trust store, which `SSL_CERT_FILE` replaces: the trusted
runs name the test CA there, and the machine's trust store is never changed.
Usage: https_remote.py MESHREG_BINARY SERVICE_URL ADMIN_TOKEN
"""
import json, os, socket, ssl, subprocess, sys, tempfile, threading


def make_certificates(directory):
    def openssl(*arguments):
        subprocess.run(["openssl", *arguments], check=True, capture_output=True)
    ca_key, ca_cert = f"{directory}/ca.key", f"{directory}/ca.pem"
    key, request, cert = f"{directory}/server.key", f"{directory}/server.csr", f"{directory}/server.pem"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca_cert, "-days", "1",
            "-subj", "/CN=meshreg test CA")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request, "-subj", "/CN=localhost")
    extensions = f"{directory}/san.cnf"
    open(extensions, "w").write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", request, "-CA", ca_cert, "-CAkey", ca_key, "-CAcreateserial", "-out", cert,
            "-days", "1", "-extfile", extensions)
    return ca_cert, cert, key


class TLSProxy:
    """Accepts TLS on a loopback port and relays each connection to the plain-HTTP service."""

    def __init__(self, cert, key, upstream, address="127.0.0.1"):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.minimum_version = ssl.TLSVersion.TLSv1_2
        self.context.load_cert_chain(cert, key)
        self.upstream = upstream
        self.listener = socket.create_server((address, 0))
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.listener.accept()
            threading.Thread(target=self.serve, args=(client,), daemon=True).start()

    def serve(self, client):
        try:
            secure = self.context.wrap_socket(client, server_side=True)
        except (ssl.SSLError, OSError):
            client.close()  # a client that refused our certificate
            return
        self.connections += 1
        backend = socket.create_connection(self.upstream)
        def relay(source, target):
            try:
                while data := source.recv(65536):
                    target.sendall(data)
            except OSError:
                pass
            finally:
                for end in (source, target):
                    try:
                        end.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
        threading.Thread(target=relay, args=(backend, secure), daemon=True).start()
        relay(secure, backend)


def meshreg(binary, arguments, trusted_ca=None):
    environment = {name: value for name, value in os.environ.items() if name not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    if trusted_ca:
        environment["SSL_CERT_FILE"] = trusted_ca
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=120, env=environment)


def main():
    binary, service, token = sys.argv[1:4]
    host, port = service.removeprefix("http://").split(":")
    results = []
    def check(label, condition, detail=""):
        print(f"{'ok  ' if condition else 'FAIL'} {label}" + ("" if condition else f": {detail}"))
        results.append(condition)
    with tempfile.TemporaryDirectory(prefix="meshreg-https-") as directory:
        ca, cert, key = make_certificates(directory)
        proxy = TLSProxy(cert, key, (host, int(port)))
        url = f"https://localhost:{proxy.port}"
        listed = meshreg(binary, ["list", "products", "--server", url, "--token", token, "--format", "json"], trusted_ca=ca)
        check("list products over https with the test CA trusted", listed.returncode == 0, listed.stderr)
        items = json.loads(listed.stdout).get("items", []) if listed.returncode == 0 else []
        check("every product of the shipped mesh is listed", len(items) == 13, f"{len(items)} products")
        plan = meshreg(binary, ["plan", os.path.abspath("Domains/orders"), "--server", url, "--token", token, "--format", "json"], trusted_ca=ca)
        check("a remote plan over https", plan.returncode == 0 and '"unchanged"' in plan.stdout, plan.stderr or plan.stdout[:400])
        untrusted = meshreg(binary, ["list", "products", "--server", url, "--token", token])
        check("without the test CA: exit 2", untrusted.returncode == 2, f"exit {untrusted.returncode}: {untrusted.stderr}")
        check("without the test CA: the error names the URL and the certificate problem",
              url in untrusted.stderr and "certificate" in untrusted.stderr.lower(), untrusted.stderr)
        check("the proxy carried the trusted calls", proxy.connections >= 2, f"{proxy.connections} TLS connections")
        elsewhere = TLSProxy(cert, key, (host, int(port)), address="127.0.0.2")
        mismatch = meshreg(binary, ["list", "products", "--server", f"https://127.0.0.2:{elsewhere.port}", "--token", token], trusted_ca=ca)
        check("a certificate for another host: exit 2 naming it", mismatch.returncode == 2 and "certificate" in mismatch.stderr.lower(),
              f"exit {mismatch.returncode}: {mismatch.stderr}")
    print(f"{results.count(True)} passed, {results.count(False)} failed")
    return 0 if len(results) == 7 and all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
