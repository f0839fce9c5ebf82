#!/usr/bin/env python3
"""`meshreg serve --tls-cert --tls-key` as HTTPS clients see it, verified against a test CA.

Checks, with curl and Python's requests (and the ssl module where a client must misbehave):
  - GET /healthz and an authenticated API GET over TLS, the certificate verified against the CA,
    ALPN http/1.1 agreed; a client that does not trust the CA is refused;
  - TLS 1.3 by default, TLS 1.2 with an ECDHE + AEAD suite, TLS 1.1 refused by the server (the
    same client offering 1.1 and 1.2 gets 1.2, so it really offered 1.1);
  - a plain-HTTP request and garbage sent to the TLS port are cut, a silent connection and a
    half-finished handshake are cut after the handshake timeout, and clients are served meanwhile;
  - SIGHUP with a new certificate (another serial) in the same files: new connections see it,
    a keep-alive connection opened before still works; then a key that does not match is logged
    and the current pair kept.
Usage: tls_server_interop.py SERVICE_URL ADMIN_TOKEN TLS_DIRECTORY SERVER_PID SERVE_LOG
"""
import http.client, os, signal, socket, ssl, subprocess, sys, threading, time, warnings
import requests
from checklist import Checklist

warnings.filterwarnings("ignore", "ssl.TLSVersion.TLSv1_1 is deprecated", DeprecationWarning)

HANDSHAKE_TIMEOUT = 10  # the server's default, in seconds
MINIMUM_CHECKS = 24

url, admin_token, tls_directory, server_pid, serve_log = sys.argv[1:6]
port = int(url.rsplit(":", 1)[1])
base = f"https://localhost:{port}"
ca = f"{tls_directory}/ca.pem"
checklist = Checklist("tls server interop", floor=MINIMUM_CHECKS)
check = checklist.check


def curl(*arguments):
    return subprocess.run(["curl", "--silent", "--show-error", "--max-time", "20", *arguments],
                          capture_output=True, text=True, timeout=30)


def context(minimum=None, maximum=None, ciphers=None):
    result = ssl.create_default_context(cafile=ca)
    if ciphers:
        result.set_ciphers(ciphers)
    if minimum:
        result.minimum_version = minimum
    if maximum:
        result.maximum_version = maximum
    return result


def handshake(tls_context):
    """Connects and handshakes; returns (version, cipher, ALPN, serial) or raises."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        with tls_context.wrap_socket(raw, server_hostname="localhost") as secure:
            return secure.version(), secure.cipher()[0], secure.selected_alpn_protocol(), secure.getpeercert()["serialNumber"]


def cut_within(payload, seconds):
    """Sends payload (maybe nothing) on a raw TCP connection and stalls; returns how long until the
    server closed it, or None if it stayed open past `seconds`."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as raw:
        if payload:
            raw.sendall(payload)
        try:
            while raw.recv(4096):
                pass  # an alert may come before the close
        except socket.timeout:
            return None
        except ConnectionResetError:
            pass
    return time.monotonic() - started


def log_has(text):
    with open(serve_log) as log:
        return text in log.read()


def issue_certificate(name, serial):
    def openssl(*arguments):
        subprocess.run(["openssl", *arguments], check=True, capture_output=True)
    key, request, cert = f"{tls_directory}/{name}.key", f"{tls_directory}/{name}.csr", f"{tls_directory}/{name}.pem"
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request, "-subj", "/CN=localhost")
    openssl("x509", "-req", "-in", request, "-CA", ca, "-CAkey", f"{tls_directory}/ca.key", "-set_serial", str(serial),
            "-days", "1", "-extfile", f"{tls_directory}/san.cnf", "-out", cert)
    return cert, key


def hang_up_and_wait(line, occurrences_before):
    os.kill(int(server_pid), signal.SIGHUP)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with open(serve_log) as log:
            if log.read().count(line) > occurrences_before:
                return True
        time.sleep(0.05)
    return False


def count_in_log(line):
    with open(serve_log) as log:
        return log.read().count(line)


# curl: health, the API with a token, ALPN, an untrusted CA.
health = curl("--cacert", ca, "--verbose", f"{base}/healthz")
check(health.returncode == 0, f"curl GET /healthz over TLS: exit {health.returncode} {health.stderr[-300:]}")
check("ALPN: server accepted http/1.1" in health.stderr, "curl sees ALPN http/1.1 accepted")
products = curl("--cacert", ca, "--fail", "-H", f"Authorization: Bearer {admin_token}", f"{base}/api/v1/products")
check(products.returncode == 0 and '"id"' in products.stdout, f"curl authenticated GET /api/v1/products: {products.stderr[-300:]}")
untrusted = curl(f"{base}/healthz")
check(untrusted.returncode == 60, f"curl without the test CA is refused (exit 60), got {untrusted.returncode}")
old_protocol = curl("--cacert", ca, "--tlsv1.1", "--tls-max", "1.1", "--ciphers", "DEFAULT:@SECLEVEL=0", f"{base}/healthz")
check(old_protocol.returncode != 0, "curl limited to TLS 1.1 gets no answer")

# requests: health, the API with and without a token, and the default trust store refusing the test CA.
answer = requests.get(f"{base}/healthz", verify=ca, timeout=10)
check(answer.status_code == 200, f"requests GET /healthz: {answer.status_code}")
listed = requests.get(f"{base}/api/v1/products", headers={"Authorization": f"Bearer {admin_token}"}, verify=ca, timeout=10)
items = listed.json().get("items", listed.json()) if listed.status_code == 200 else []
check(listed.status_code == 200 and len(items) > 0, f"requests authenticated GET lists products: {listed.status_code}")
anonymous = requests.put(f"{base}/api/v1/products/tls-check", json={}, verify=ca, timeout=10)
check(anonymous.status_code == 401, f"an unauthenticated write over TLS is refused: {anonymous.status_code}")
try:
    requests.get(f"{base}/healthz", timeout=10)
    check(False, "requests with its default trust store must refuse the test CA")
except requests.exceptions.SSLError as error:
    check("CERTIFICATE_VERIFY_FAILED" in str(error), f"requests names the certificate problem: {error}")

# Protocol versions and cipher suites.
version, cipher, alpn, serial = handshake(context())
check(version == "TLSv1.3", f"TLS 1.3 by default, got {version}")
context_alpn = context()
context_alpn.set_alpn_protocols(["h2", "http/1.1"])
check(handshake(context_alpn)[2] == "http/1.1", "ALPN selects http/1.1 from h2,http/1.1")
version, cipher, _, _ = handshake(context(maximum=ssl.TLSVersion.TLSv1_2))
check(version == "TLSv1.2" and cipher.startswith("ECDHE-") and ("GCM" in cipher or "CHACHA20" in cipher),
      f"TLS 1.2 with ECDHE + AEAD, got {version} {cipher}")
capable = context(minimum=ssl.TLSVersion.TLSv1_1, maximum=ssl.TLSVersion.TLSv1_2, ciphers="DEFAULT:@SECLEVEL=0")
check(handshake(capable)[0] == "TLSv1.2", "a client offering TLS 1.1 and 1.2 gets 1.2")
try:
    handshake(context(minimum=ssl.TLSVersion.TLSv1_1, maximum=ssl.TLSVersion.TLSv1_1, ciphers="DEFAULT:@SECLEVEL=0"))
    check(False, "a TLS 1.1 handshake must be refused")
except ssl.SSLError as error:
    check("PROTOCOL_VERSION" in str(error).upper(), f"TLS 1.1 refused by the server's protocol_version alert: {error}")

# Plain HTTP and garbage to the TLS port are cut at once; the server keeps serving.
elapsed = cut_within(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n", 5)
check(elapsed is not None and elapsed < 2, f"plain HTTP to the TLS port is cut at once: {elapsed}")
elapsed = cut_within(bytes(range(256)) * 8, 5)
check(elapsed is not None and elapsed < 2, f"garbage is cut at once: {elapsed}")
check(requests.get(f"{base}/healthz", verify=ca, timeout=10).status_code == 200, "served after plain HTTP and garbage")

# A silent connection and a half-finished handshake are cut after the handshake timeout, while
# other clients are served.
results = {}
stallers = [threading.Thread(target=lambda key=key, payload=payload: results.__setitem__(key, cut_within(payload, HANDSHAKE_TIMEOUT + 10)))
            for key, payload in (("silent", b""), ("half", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"))]
for thread in stallers:
    thread.start()
time.sleep(0.5)
latencies, statuses = [], set()
while any(thread.is_alive() for thread in stallers) and len(latencies) < 200:
    started = time.monotonic()
    statuses.add(requests.get(f"{base}/healthz", verify=ca, timeout=10).status_code)
    latencies.append(time.monotonic() - started)
    time.sleep(0.2)
check(statuses == {200}, f"every request beside stalled handshakes answered 200: {statuses}")
for thread in stallers:
    thread.join()
for key in ("silent", "half"):
    elapsed = results.get(key)
    check(elapsed is not None and HANDSHAKE_TIMEOUT - 1 <= elapsed <= HANDSHAKE_TIMEOUT + 5,
          f"a {key} handshake is cut after about {HANDSHAKE_TIMEOUT} s: {elapsed}")
check(len(latencies) >= 20 and max(latencies) < 1, f"{len(latencies)} requests served beside them, slowest {max(latencies or [0]):.3f} s")

# SIGHUP: a new certificate in the same files reaches new connections; an open one keeps working.
kept = http.client.HTTPSConnection("localhost", port, context=context(), timeout=10)
kept.request("GET", "/healthz")
check(kept.getresponse().read() is not None and kept.sock.getpeercert()["serialNumber"] == "1001", "the first certificate has serial 1001")
reloads = count_in_log("reloaded the TLS certificate")
cert, key = issue_certificate("renewed", 8194)
os.replace(key, f"{tls_directory}/server.key")
os.replace(cert, f"{tls_directory}/server.pem")
check(hang_up_and_wait("reloaded the TLS certificate", reloads), "SIGHUP reload is logged")
check(handshake(context())[3] == "2002", "a new connection sees the renewed certificate (serial 2002)")
kept.request("GET", "/healthz")
response = kept.getresponse()
check(response.status == 200 and response.read() is not None and kept.sock.getpeercert()["serialNumber"] == "1001",
      "the keep-alive connection opened before the reload still works")
kept.close()
failed_reloads = count_in_log("TLS reload failed")
_, other_key = issue_certificate("other", 12291)
os.replace(other_key, f"{tls_directory}/server.key")
check(hang_up_and_wait("TLS reload failed", failed_reloads), "a key that does not match is logged on SIGHUP")
check(log_has("does not match the certificate"), "the log says the key does not match")
check(handshake(context())[3] == "2002", "after a failed reload the renewed certificate is still served")

checklist.finish()
