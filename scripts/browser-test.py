#!/usr/bin/env python3
"""End-to-end test of the site's search box in a real browser (headless Chromium + Selenium).

    python3 scripts/browser-test.py [--gongbu PATH] [--screenshot FILE]

Installs what is missing first: Chromium and its driver from Debian's packages (chromium,
chromium-driver) with apt-get when run as root, and Selenium from PyPI. Then it builds the
bundled site, serves it on 127.0.0.1, types queries into the search box (Korean included),
checks the results, follows a result with the keyboard, and saves a screenshot of the results.
Exits non-zero when anything fails.
"""
import argparse
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_tools():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        if os.geteuid() == 0 and shutil.which("apt-get"):
            print("installing chromium and chromium-driver with apt-get…", flush=True)
            subprocess.run(["apt-get", "update", "-qq"], check=True, stdout=subprocess.DEVNULL)
            subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver", "fonts-noto-cjk"], check=True,
                           stdout=subprocess.DEVNULL, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        else:
            sys.exit("the browser test needs Chromium: sudo apt-get install -y chromium chromium-driver fonts-noto-cjk")
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("installing selenium from PyPI…", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "selenium"], check=True)
    return shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def page_with(public, marker):
    """The site path of the first page (in walking order) whose HTML holds `marker`, or None."""
    for folder, _, names in os.walk(public):
        if "index.html" in names:
            with open(os.path.join(folder, "index.html"), encoding="utf-8") as handle:
                if marker in handle.read():
                    return os.path.relpath(folder, public)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gongbu", default=os.path.join(ROOT, ".build", "debug", "gongbu"))
    parser.add_argument("--screenshot", default=os.path.join(ROOT, ".build", "browser-test", "search-results.png"))
    args = parser.parse_args()
    chromium, driver_path = ensure_tools()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    if not os.path.exists(args.gongbu):
        subprocess.run(["swift", "build", "--product", "gongbu"], cwd=ROOT, check=True)
    site = tempfile.mkdtemp(prefix="gongbu-browser-")
    failures = []
    server = None
    browser = None
    try:
        subprocess.run([args.gongbu, "build", "--source", ROOT, "--output", os.path.join(site, "public"), "--quiet"], check=True)
        server, port = serve(os.path.join(site, "public"))
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900", "--lang=ko-KR"]:
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service(driver_path), options=options)
        base = f"http://127.0.0.1:{port}/"

        def results_for(query):
            browser.get(base)
            box = browser.find_element(By.ID, "search-input")
            box.clear()
            box.send_keys(query)
            WebDriverWait(browser, 10).until(lambda b: not b.find_element(By.ID, "search-results").get_attribute("hidden")
                                             and b.find_elements(By.CSS_SELECTOR, "#search-results .search-result, #search-results .search-empty"))
            time.sleep(0.2)
            return browser.find_elements(By.CSS_SELECTOR, "#search-results .search-result")

        def first_concept(query):
            items = [i for i in results_for(query) if "search-concept" in i.get_attribute("class")]
            return items[0].get_attribute("data-id") if items else None

        def check(name, condition, detail=""):
            print(("ok   " if condition else "FAIL ") + name + (f" ({detail})" if detail and not condition else ""), flush=True)
            if not condition:
                failures.append(name)

        for query, expected in [("파드", "pod"), ("ㅍㄷ", "pod"), ("파드를", "pod"), ("Pod", "pod"), ("ㄷㅍㄹㅇㅁㅌ", "deployment"),
                                ("크론잡", "cronjob"), ("롤링 업데이트", "rolling-update"), ("deploymnet", "deployment"),
                                # near spellings over the notes' words, as gongbu search finds them
                                ("statefull", "statefulset"), ("ingres", "ingress")]:
            found = first_concept(query)
            check(f"'{query}' → {expected}", found == expected, f"got {found}")

        items = results_for("deploymnet")
        check("fuzzy result is labelled", any("비슷한 철자" in i.text for i in items))
        notes_korean = {i.get_attribute("data-id") for i in results_for("파드") if "search-note" in i.get_attribute("class")}
        notes_english = {i.get_attribute("data-id") for i in results_for("Pod") if "search-note" in i.get_attribute("class")}
        check("Pod and 파드 find the same notes", notes_korean == notes_english and len(notes_korean) > 0, f"{notes_korean} vs {notes_english}")
        check("nothing for gibberish", not results_for("zzzqqq"))
        # A database's rollback is not the Kubernetes concept: no concept, the notes still.
        other_sense = results_for("트랜잭션 롤백")
        check("'트랜잭션 롤백' puts no concept first",
              not any("search-concept" in i.get_attribute("class") for i in other_sense)
              and any("search-note" in i.get_attribute("class") for i in other_sense))

        # Keyboard: / focuses the box; ArrowDown and Enter open a result.
        browser.get(base + "notes/pods/")
        browser.find_element(By.TAG_NAME, "body").send_keys("/")
        check("'/' focuses the search box", browser.switch_to.active_element.get_attribute("id") == "search-input")
        box = browser.switch_to.active_element
        box.send_keys("크론잡")
        WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
        time.sleep(0.2)
        os.makedirs(os.path.dirname(args.screenshot), exist_ok=True)
        browser.save_screenshot(args.screenshot)
        box.send_keys(Keys.ARROW_DOWN)
        box.send_keys(Keys.ENTER)
        WebDriverWait(browser, 10).until(lambda b: "/concepts/cronjob/" in b.current_url)
        check("ArrowDown + Enter opens the first result", "/concepts/cronjob/" in browser.current_url, browser.current_url)

        # Parity of the tokenizer with the command line (same cases as TokenizerTests).
        browser.get(base)
        for text, expected in [("파드를", ["파드", "파드를"]), ("Pod은", ["pod"]), ("pods", ["pod"]), ("ingresses", ["ingress"])]:
            terms = browser.execute_async_script(
                "var done = arguments[arguments.length - 1]; window.gongbuSearch.terms(arguments[0]).then(function (t) { done(t.map(function (x) { return x.term; })); });",
                text)
            check(f"tokenizer parity for '{text}'", terms == expected, f"got {terms}")

        # A manifest example's download saves that example alone, not the note's whole file.
        public = os.path.join(site, "public")
        page = page_with(public, 'data-example="example-2-code"')
        check("a bundled note has two examples", page is not None)
        if page:
            browser.get(base + page + "/")
            saved = browser.execute_async_script("""
                var done = arguments[0];
                URL.createObjectURL = function (blob) { blob.text().then(function (t) { done([t, saveName]); }); return 'blob:x'; };
                var saveName = null;
                HTMLAnchorElement.prototype.click = function () { saveName = this.download; };
                document.querySelector('a.download[data-example="example-2-code"]').dispatchEvent(
                    new MouseEvent('click', { bubbles: true, cancelable: true }));
            """)
            expected = browser.execute_script("""
                var code = document.getElementById('example-2-code').cloneNode(true);
                code.querySelectorAll('.line-issue').forEach(function (e) { e.remove(); });
                return code.textContent;
            """)
            check("the second example downloads alone", saved and saved[0] == expected and "kind:" in saved[0] and saved[0].count("---") <= expected.count("---"),
                  f"{saved!r:.200}")
            name = browser.find_element(By.CSS_SELECTOR, 'a.download[data-example="example-2-code"]').get_attribute("data-file-name")
            check("under its own name", name and name.startswith("2-"), name)

        # A console block's copy button copies the commands, not the output printed under them.
        page = page_with(public, 'class="line output')
        check("a bundled note has a console block with output", page is not None)
        if page:
            browser.get(base + page + "/")
            copied = browser.execute_async_script("""
                var done = arguments[0];
                var code = document.querySelector('.line.output').closest('code');
                var button = document.querySelector('.copy-button[data-copy-target="' + code.id + '"]');
                Object.defineProperty(navigator, 'clipboard', { value: { writeText: function (t) { done([t, code.textContent]); return Promise.resolve(); } } });
                button.click();
            """)
            text, whole = copied if copied else ("", "")
            output = [line for line in whole.splitlines() if line and line not in text.splitlines()]
            check("copying leaves the output out", text and output and all(line in whole for line in text.splitlines()),
                  f"copied {text!r:.200}")

        # The study page: review three cards with the keyboard, reload, and find the schedule kept.
        browser.get(base + "study/")
        browser.execute_script("localStorage.clear();")
        browser.get(base + "study/")
        check("the study page shows the review app", browser.find_element(By.ID, "study-app").is_displayed())
        parity = browser.execute_script("""
            var f = window.gongbuFSRS, first = f.review(null, 3, 0), again = f.review(null, 1, 0);
            var second = f.review(first, 3, first.due);
            return [f.retrievability(1, 2), f.retrievability(4, 4), first.s, first.due, again.due, second.s > first.s, f.interval(15.69105)];
        """)
        check("FSRS-5 in the page matches the reference",
              abs(parity[0] - 0.946059) < 1e-4 and abs(parity[1] - 0.9) < 1e-4 and parity[2] == 3.173 and parity[3] == 3 * 86400
              and parity[4] == 600 and parity[5] and parity[6] == 16, f"{parity}")
        browser.find_element(By.CSS_SELECTOR, ".study-start").click()
        from selenium.webdriver.common.action_chains import ActionChains
        seen = []
        for grade in ["3", "4", "2"]:
            seen.append(browser.find_element(By.CSS_SELECTOR, ".study-stage .study-front").text)
            ActionChains(browser).send_keys(" ").perform()
            shown = browser.find_element(By.CSS_SELECTOR, ".study-answer-box").is_displayed()
            ActionChains(browser).send_keys(grade).perform()
            check(f"space shows the answer, {grade} grades it", shown)
        browser.get(base + "study/")
        kept = browser.execute_script("""
            var data = JSON.parse(localStorage.getItem('gongbu-study:' + document.getElementById('study-app').dataset.site) || '{}');
            return Object.keys(data.cards || {}).map(function (id) { var m = data.cards[id]; return [m.reps, m.due > Date.now() / 1000 + 86000]; });
        """)
        check("the schedule is kept after a reload", len(kept) == 3 and all(r == 1 and later for r, later in kept), f"{kept}")
        browser.find_element(By.CSS_SELECTOR, ".study-start").click()
        first = browser.find_element(By.CSS_SELECTOR, ".study-stage .study-front").text
        check("reviewed cards are not due again today", first not in seen, f"{first!r} in {seen}")
        browser.find_element(By.CSS_SELECTOR, ".study-quiz").click()
        choices = browser.find_elements(By.CSS_SELECTOR, ".study-choice")
        ActionChains(browser).send_keys("1").perform()
        feedback = browser.find_element(By.CSS_SELECTOR, ".study-feedback").text
        check("the quiz offers choices and answers", 2 <= len(choices) <= 4 and feedback != "", f"{len(choices)} {feedback!r}")

        # Without JavaScript the box falls back to the glossary page.
        form_action = browser.find_element(By.CSS_SELECTOR, "form.site-search").get_attribute("action")
        check("the form falls back to the glossary", form_action.endswith("/concepts/"), form_action)
        print(f"screenshot: {args.screenshot}")
    finally:
        if browser:
            browser.quit()
        if server:
            server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
    if failures:
        print(f"{len(failures)} browser check(s) failed")
        return 1
    print("all browser checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
