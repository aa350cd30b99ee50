#!/usr/bin/env python3
"""The admin web UI on an installation in operation (issue 26): 500 companies, a million jobs, 20,000 failure records.

Signs in, then opens the dashboard (plain, sorted by work waiting, and searched with a two-word term typed into
its own form), the failures list and its next page, the activity log and the payments list. For each page it
checks what a person must see (the companies that need attention first, a 50-row table with its range, full
lists) and times it: the server's answer (the Navigation Timing API's requestStart to responseEnd) and the whole
load. A page whose answer takes longer than --limit seconds fails the run. Prints the timings as a table and
saves a screenshot of each page.

The admin password comes from the QBBRIDGE_UI_PASSWORD environment variable.
"""
import argparse
import os
import shutil
import sys
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


class ScaleFailure(Exception):
    """Something on a page was not as expected, or too slow; the message says what."""


class AtScale:
    def __init__(self, base_url, username, password, screenshots, limit, companies):
        self.base_url = base_url.rstrip("/")
        self.username = username
        self.password = password
        self.screenshots = screenshots
        self.limit = limit
        self.companies = companies
        self.timings = []
        os.makedirs(screenshots, exist_ok=True)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--lang=en-US"):
            options.add_argument(argument)
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.wait = WebDriverWait(self.driver, 60)

    def expect(self, condition, message):
        if not condition:
            raise ScaleFailure(f"{message} (at {self.driver.current_url})")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def timed(self, name, action):
        """Runs an action that loads a page, then reads the page's own timing."""
        started = time.monotonic()
        action()
        self.wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
        whole = time.monotonic() - started
        timing = self.driver.execute_script(
            "const t = performance.getEntriesByType('navigation')[0]; return [t.requestStart, t.responseEnd];")
        answer = (timing[1] - timing[0]) / 1000
        self.timings.append((name, answer, whole))
        self.expect(answer <= self.limit, f"{name}: the server took {answer:.2f} s, over the {self.limit} s limit")
        return answer

    def open(self, name, path):
        return self.timed(name, lambda: self.driver.get(self.base_url + path))

    def shot(self, name):
        height = self.driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        self.driver.set_window_size(1280, max(600, min(int(height) + 140, 6000)))
        path = os.path.join(self.screenshots, f"scale-{name}.png")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 900)
        print(f"  screenshot {path}")

    def rows(self, selector="main table tbody tr"):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def run(self):
        self.driver.get(self.base_url + "/login")
        self.driver.find_element(By.ID, "username").send_keys(self.username)
        self.driver.find_element(By.ID, "password").send_keys(self.password)
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait.until(expected_conditions.staleness_of(page))

        print("dashboard")
        self.open("dashboard", "/")
        body = self.text()
        self.expect("Needs attention" in body, "the dashboard does not start with the companies that need attention")
        self.expect(f"of {self.companies} companies need attention." in body, "the dashboard's summary does not count every company")
        attention = self.driver.find_elements(By.CSS_SELECTOR, ".attention-list > section")
        self.expect(len(attention) == 20, f"{len(attention)} companies in the attention list, 20 expected at most and more exist")
        first = attention[0].text
        self.expect("Connection problem" in first, "the most urgent company is not one with a connection problem")
        self.expect(f"1–50 of {self.companies}" in body, "the company table does not show its first 50")
        self.expect(len(self.rows("#companies tbody tr")) == 50, "the company table does not hold 50 rows")
        self.shot("dashboard")

        print("dashboard sorted by work waiting, then a two-word search typed into its form")
        self.open("dashboard by waiting", "/?sort=waiting#companies")
        self.expect(len(self.rows("#companies tbody tr")) == 50, "the sorted table does not hold 50 rows")
        field = self.driver.find_element(By.ID, "d-q")
        field.clear()
        field.send_keys("harbor plumbing")
        page = self.driver.find_element(By.TAG_NAME, "html")

        def search():
            field.send_keys(Keys.ENTER)
            self.wait.until(expected_conditions.staleness_of(page))
        self.timed("dashboard search", search)
        self.expect("q=harbor+plumbing" in self.driver.current_url, "the form did not send the space as +")
        names = [row.find_element(By.CSS_SELECTOR, "td a").text for row in self.rows("#companies tbody tr")]
        self.expect(names and all(name.startswith("Harbor Plumbing") for name in names),
                    f"the search for two words found {names[:5]}")
        self.shot("dashboard-search")

        print("failures, and the next page")
        self.open("failures (open)", "/failures")
        self.expect(len(self.rows()) > 0, "no open failure listed")
        self.open("failures (any status)", "/failures?status=any")
        self.expect(len(self.rows()) == 100, "the failures page does not hold 100 rows")
        older = self.driver.find_element(By.LINK_TEXT, "Older failures")
        page = self.driver.find_element(By.TAG_NAME, "html")

        def next_page():
            older.click()
            self.wait.until(expected_conditions.staleness_of(page))
        self.timed("failures, next page", next_page)
        self.expect(len(self.rows()) == 100, "the next failures page does not hold 100 rows")
        self.shot("failures")

        print("activity and payments")
        self.open("activity", "/activity")
        self.expect(len(self.rows()) == 50, "the activity page does not hold 50 rows")
        self.shot("activity")
        self.open("payments", "/payments")
        self.expect(len(self.rows()) == 50, "the payments page does not hold 50 rows")
        self.open("payments, failed", "/payments?status=failed")
        self.expect(len(self.rows()) == 50, "the failed payments page does not hold 50 rows")
        self.shot("payments")

    def report(self):
        print("")
        print(f"| page | server's answer | whole load |")
        print(f"|---|---:|---:|")
        for name, answer, whole in self.timings:
            print(f"| {name} | {answer * 1000:.0f} ms | {whole * 1000:.0f} ms |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--screenshots", default="screenshots")
    parser.add_argument("--limit", type=float, default=2.0, help="seconds a page's answer may take")
    parser.add_argument("--companies", type=int, default=500)
    arguments = parser.parse_args()
    password = os.environ.get("QBBRIDGE_UI_PASSWORD")
    if not password:
        print("set QBBRIDGE_UI_PASSWORD", file=sys.stderr)
        return 2
    run = AtScale(arguments.base_url, arguments.username, password, arguments.screenshots, arguments.limit, arguments.companies)
    try:
        run.run()
        run.report()
        print("the web UI at scale: every page as expected and within the limit")
        return 0
    except Exception:
        traceback.print_exc()
        run.report()
        return 1
    finally:
        run.driver.quit()


if __name__ == "__main__":
    sys.exit(main())
