"""Browser test of the web UI: headless Chromium (Debian's chromium and chromium-driver) driven by
Selenium, with axe-core (bundled by axe-selenium-python) for accessibility.

Against a running `meshreg serve` loaded with the shipped mesh: signs in, searches the catalog,
opens a product and its lineage and clicks through to a node, sees a refused access request's
policy violation, approves a request as the owning team and sees another team refused, checks
that XSS payloads in every field of a product stay text, that no page logs a console error and
that axe finds no serious or critical violation; saves a screenshot of each page. Counts its
checks and fails below a floor, so a run that checked little cannot pass.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Interop"))
from checklist import Checklist  # noqa: E402
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import Select, WebDriverWait

PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'
SUBJECT = "orders.order-events.v1-value"
MINIMUM_CHECKS = 60

checklist = Checklist("ui browser test", floor=MINIMUM_CHECKS)
check = checklist.check


def api(url, method, path, token, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def issue_token(binary, database, user):
    return subprocess.run([binary, "token", "issue", "--user", user, "--db", database], check=True,
                          capture_output=True, text=True).stdout.strip()


def browser(chromium, chromedriver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--disable-gpu"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


class Session:
    def __init__(self, driver, url):
        self.driver, self.url = driver, url
        self.wait = WebDriverWait(driver, 20)

    def sign_in(self, token):
        self.driver.delete_all_cookies()
        self.driver.get(self.url + "/ui/login")
        field = self.driver.find_element(By.NAME, "token")
        field.send_keys(token)
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait.until(expected.url_to_be(self.url + "/ui/"))

    def open(self, path):
        self.driver.get(self.url + path)
        self.settled()

    def settled(self):
        """Waits until the page's module has drawn (the status region no longer says Loading…)."""
        self.wait.until(lambda driver: driver.execute_script(
            "const s = document.querySelector('#main .status'); return s && s.textContent !== 'Loading…'"))

    def text(self):
        return self.driver.find_element(By.ID, "main").text

    def console_errors(self, provoked):
        """Severe console entries, except failed requests with a status the test provoked on purpose."""
        return [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"
                and not (entry["source"] == "network" and any(f"status of {status}" in entry["message"] for status in provoked))]


def audit_page(session, name, screenshots, provoked=()):
    """Console errors, axe, no injected markup, and a screenshot, for the page on screen."""
    errors = session.console_errors(provoked)
    check(not errors, f"{name}: console errors {errors}")
    axe = Axe(session.driver)
    axe.inject()
    results = axe.run()
    serious = [(violation["id"], violation["impact"], len(violation["nodes"])) for violation in results["violations"]
               if violation["impact"] in ("serious", "critical")]
    check(not serious, f"{name}: no serious or critical axe violations" + (f" (found {serious})" if serious else ""))
    check(len(results["passes"]) >= 5, f"{name}: axe passed {len(results['passes'])} rules, at least 5")
    check(session.driver.execute_script("return window.__xss === undefined"), f"{name}: no XSS payload ran")
    if screenshots:
        session.driver.execute_script("window.scrollTo(0, 0)")
        os.makedirs(screenshots, exist_ok=True)
        session.driver.save_screenshot(os.path.join(screenshots, f"{name}.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--admin-token", required=True)
    parser.add_argument("--meshreg", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--screenshots", default="")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    arguments = parser.parse_args()
    url, admin = arguments.url, arguments.admin_token
    owner = issue_token(arguments.meshreg, arguments.database, "david.kim")      # order-platform, owns online-orders
    outsider = issue_token(arguments.meshreg, arguments.database, "sam.lee")     # campaign-analytics, a consumer

    # A product with an XSS payload in every free-text field.
    probe = {"apiVersion": "v1.0.0", "kind": "DataProduct", "id": "xss-probe", "name": PAYLOAD, "version": "1.0.0", "status": "active",
             "domain": "orders", "description": {"purpose": "Probe " + PAYLOAD, "usage": PAYLOAD, "limitations": PAYLOAD}, "tags": [PAYLOAD],
             "team": {"name": "order-platform", "members": [{"username": "david.kim", "role": "owner"}]},
             "support": [{"channel": PAYLOAD, "tool": "slack", "url": "https://chat.example/" + PAYLOAD, "description": PAYLOAD}]}
    status, _ = api(url, "PUT", "/api/v1/products/xss-probe", admin, probe)
    check(status == 201, f"registering the XSS probe answered {status}")
    # A second pending request, for the other team to try to approve.
    status, pending = api(url, "POST", "/api/v1/access-requests", outsider,
                          {"product": "online-orders", "port": "order-events", "team": "campaign-analytics",
                           "purpose": "Attribute campaign conversions to completed orders, weekly"})
    check(status == 201 and pending["status"] == "pending", f"a pending request: {status} {pending}")
    # The orders contract drives its Kafka topic's subject: loading the mesh registered its projection.
    status, latest = api(url, "GET", f"/apis/ccompat/v7/subjects/{SUBJECT}/versions/latest", admin)
    check(status == 200 and latest.get("id", 0) > 0 and "order_id" in latest.get("schema", ""),
          f"the contract's projection is the latest version of {SUBJECT}: {status}, version {latest.get('version')}")

    driver = browser(arguments.chromium, arguments.chromedriver)
    session = Session(driver, url)
    try:
        # Signing in: an unknown token is refused, a good one gives an HttpOnly cookie and nothing in storage.
        driver.get(url + "/ui/")
        check(driver.current_url == url + "/ui/login", f"/ui/ without a session went to {driver.current_url}")
        driver.find_element(By.NAME, "token").send_keys("meshreg_00000000_" + "0" * 48, Keys.ENTER)
        check("unknown or revoked" in driver.find_element(By.TAG_NAME, "main").text, "a wrong token says so")
        audit_page(session, "login", arguments.screenshots, provoked=("401",))
        session.sign_in(outsider)
        cookies = {cookie["name"]: cookie for cookie in driver.get_cookies()}
        check(cookies.get("meshreg_session", {}).get("httpOnly") is True, f"the session cookie is HttpOnly: {cookies}")
        check(cookies.get("meshreg_session", {}).get("sameSite") == "Strict", "the session cookie is SameSite=Strict")
        stored = driver.execute_script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)")
        check(outsider not in stored and "meshreg_" not in stored, "no token in web storage")
        check(driver.execute_script("return document.cookie").find("meshreg_session") < 0, "scripts cannot read the session cookie")

        # Catalog: search as you type.
        session.settled()
        rows_before = len(driver.find_elements(By.CSS_SELECTOR, "main table tbody tr"))
        check(rows_before >= 10, f"the catalog lists products: {rows_before}")
        audit_page(session, "catalog", arguments.screenshots)
        search = driver.find_element(By.NAME, "q")
        search.send_keys("orders")
        session.wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "main table tbody tr")) < rows_before)
        names = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
        check(any("Online Orders" in name for name in names), f"searching 'orders' finds Online Orders: {names}")
        check(all("order" in name.lower() for name in names), f"every hit matches: {names}")
        domain = driver.find_element(By.NAME, "domain")
        domain.send_keys("marketing")
        session.wait.until(lambda d: "Online Orders" not in d.find_element(By.ID, "main").text)
        check(True, "the domain filter narrows the search")
        Select(driver.find_element(By.NAME, "domain")).select_by_value("")
        search = driver.find_element(By.NAME, "q")
        search.clear()
        search.send_keys("david.kim")
        session.wait.until(lambda d: "Online Orders" in d.find_element(By.ID, "main").text)
        check("Churn Risk Scores" not in session.text(), "searching an owner finds only their products")
        audit_page(session, "catalog-filtered", "")

        # Product page, then a refused access request shows the policy's violation.
        driver.find_element(By.NAME, "q").clear()
        session.open("/ui/products/online-orders")
        text = session.text()
        for expected_text in ["Online Orders", "david.kim", "#order-platform", "orders.order-events@1.1.0", "Revisions", "Consumers"]:
            check(expected_text in text, f"the product page shows {expected_text}")
        check(pending["id"] in text, "the product page lists its access requests")
        form = driver.find_element(By.CSS_SELECTOR, "form.stacked")
        form.find_element(By.NAME, "team").send_keys("campaign-analytics")
        form.find_element(By.NAME, "purpose").send_keys("analytics")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "form.stacked .problem"))
        refusal = driver.find_element(By.CSS_SELECTOR, "form.stacked .problem").text
        check("pii-access-needs-purpose" in refusal and "20" in refusal, f"the refusal shows the violation: {refusal}")
        audit_page(session, "product", arguments.screenshots, provoked=("422",))

        # Lineage: the server's SVG, then a click on a node opens its page.
        session.open("/ui/lineage/online-orders")
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".viewport svg a.node"))
        nodes = driver.find_elements(By.CSS_SELECTOR, ".viewport svg .node")
        check(len(nodes) >= 5, f"the lineage picture has nodes: {len(nodes)}")
        check(driver.find_element(By.CSS_SELECTOR, ".viewport svg .root").get_attribute("data-node") == "product:online-orders", "the root is marked")
        audit_page(session, "lineage", arguments.screenshots)
        view_box = "return document.querySelector('.viewport svg').getAttribute('viewBox')"
        before = [float(number) for number in driver.execute_script(view_box).split()]
        driver.find_element(By.CSS_SELECTOR, "button[aria-label='Zoom in']").click()
        after = [float(number) for number in driver.execute_script(view_box).split()]
        check(after[2] < before[2] and after[3] < before[3], f"zooming in narrows the view box: {before} -> {after}")
        target = next(node for node in driver.find_elements(By.CSS_SELECTOR, ".viewport svg a.node:not(.root)")
                      if node.get_attribute("data-node").startswith("product:"))
        target_id = target.get_attribute("data-node").split(":", 1)[1]
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))", target)
        session.wait.until(expected.url_contains("/ui/products/" + target_id))
        session.settled()
        check(target_id in session.text(), f"clicking a node opened {target_id}")

        # Contract page: properties, versions with compatibility, subjects.
        session.open("/ui/contracts/orders.order-events/1.1.0")
        session.wait.until(lambda d: "Against the previous version" in d.find_element(By.ID, "main").text)
        text = session.text()
        check("coupon_code" in text, "the contract page lists properties")
        check("1.0.0" in text and "compatible" in text, "the contract page compares neighbouring versions")
        check(SUBJECT in text, "the contract page lists the Kafka subject it backs")
        audit_page(session, "contract", arguments.screenshots)

        # Impact: paste a contract that drops a property.
        session.open("/ui/impact")
        with open(os.path.join(os.path.dirname(__file__), "..", "..", "Domains", "orders", "contracts", "orders.order-events-v1.1.0.odcs.yaml")) as file:
            contract = file.read()
        broken = contract.replace("version: 1.1.0", "version: 2.0.0", 1)
        driver.find_element(By.NAME, "contract").send_keys(broken)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".verdict"))
        check(driver.find_element(By.CSS_SELECTOR, ".verdict").text != "", "impact gives a verdict")
        audit_page(session, "impact", arguments.screenshots)

        # Governance as the consumer team: approving another team's port is refused.
        session.open("/ui/governance")
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"button[data-request='{pending['id']}'][data-verb='approve']"))
        check("Audit chain verified" in session.text(), "the audit chain's status is shown")
        check("documents scanned" in session.text(), "the policy scan ran")
        check("Source of pii-access-needs-purpose" in session.text(), "the policies are listed with their source")
        check("size(variables.purpose) >= 20" in driver.execute_script("return document.querySelector('main').textContent"),
              "a policy's CEL source is on the page")
        driver.find_element(By.CSS_SELECTOR, f"button[data-request='{pending['id']}'][data-verb='approve']").click()
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".problem"))
        check("may not" in driver.find_element(By.CSS_SELECTOR, ".problem").text or "forbidden" in driver.find_element(By.CSS_SELECTOR, ".problem").text.lower(),
              f"another team's approval is refused: {driver.find_element(By.CSS_SELECTOR, '.problem').text}")
        status, still = api(url, "GET", f"/api/v1/access-requests/{pending['id']}", admin)
        check(still["status"] == "pending", f"the refused approval changed nothing: {still['status']}")
        audit_page(session, "governance", arguments.screenshots, provoked=("403",))

        # Subjects.
        session.open("/ui/subjects")
        check("Global compatibility level" in session.text(), "the subjects page shows the global level")
        check(SUBJECT in session.text() and "order_id" in session.text(), "the subjects page shows the subject and its schema")
        audit_page(session, "subjects", arguments.screenshots)

        # The owning team approves.
        session.sign_in(owner)
        session.open("/ui/governance")
        button = f"button[data-request='{pending['id']}'][data-verb='approve']"
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, button))
        driver.find_element(By.CSS_SELECTOR, button).click()
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"button[data-request='{pending['id']}'][data-verb='revoke']"))
        status, approved = api(url, "GET", f"/api/v1/access-requests/{pending['id']}", admin)
        check(approved["status"] == "approved" and approved["decidedBy"] == "david.kim", f"the owner's approval stored: {approved}")
        # Live: a request made elsewhere shows up on the open page from the change-event stream.
        status, fresh = api(url, "POST", "/api/v1/access-requests", outsider,
                            {"product": "online-orders", "port": "order-events", "team": "campaign-analytics",
                             "purpose": "Measure how campaigns change order volume per region"})
        check(status == 201, f"a request made while the page is open: {status}")
        started = time.monotonic()
        session.wait.until(lambda d: fresh["id"] in d.find_element(By.ID, "main").text)
        check(time.monotonic() - started < 15, "the open page showed the new request from the event stream")

        # XSS payloads stay text on every page that shows the probe.
        session.open("/ui/")
        driver.find_element(By.NAME, "q").send_keys("xss-probe")
        session.wait.until(lambda d: "xss-probe" in d.find_element(By.ID, "main").text)
        check(PAYLOAD in session.text(), "the catalog shows the payload as text")
        session.open("/ui/products/xss-probe")
        text = session.text()
        check(driver.title.startswith(PAYLOAD), "the title shows the payload as text")
        check(text.count(PAYLOAD) >= 4, f"the payload appears as text in name, purpose and support: {text.count(PAYLOAD)}")
        check(not driver.find_elements(By.CSS_SELECTOR, "main img, main script"), "no element came from the payload")
        # A second revision, then the diff between the two.
        status, _ = api(url, "PUT", "/api/v1/products/xss-probe", admin, {**probe, "version": "1.1.0", "tags": [PAYLOAD, "second"]})
        check(status == 200, f"a second revision of the probe: {status}")
        session.open("/ui/products/xss-probe")
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "form.inline button[type=submit]"))
        driver.find_element(By.CSS_SELECTOR, "form.inline button[type=submit]").click()
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".diff table"))
        changes = driver.find_element(By.CSS_SELECTOR, ".diff table").text
        check("/version" in changes and "1.1.0" in changes and "/tags/1" in changes and "/name" not in changes,
              f"the diff of revisions 1 and 2 lists exactly what changed: {changes}")
        audit_page(session, "xss", "")
        session.open("/ui/lineage/xss-probe")
        session.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".viewport svg"))
        check(not driver.find_elements(By.CSS_SELECTOR, ".viewport img, .viewport script"), "the SVG holds no element from the payload")
        audit_page(session, "xss-lineage", "")

        # Signing out ends the session on the server.
        secret = driver.get_cookie("meshreg_session")["value"]
        session.open("/ui/")
        driver.find_element(By.CSS_SELECTOR, "form.session button").click()
        session.wait.until(expected.url_contains("/ui/login"))
        request = urllib.request.Request(url + "/api/v1/products", headers={"Cookie": f"meshreg_session={secret}"})
        try:
            urllib.request.urlopen(request, timeout=10)
            check(False, "the old session still works after sign-out")
        except urllib.error.HTTPError as error:
            check(error.code == 401, f"the old session answers {error.code}")
    finally:
        driver.quit()

    checklist.finish()


if __name__ == "__main__":
    main()
