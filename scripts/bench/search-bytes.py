#!/usr/bin/env python3
"""Bytes the site's search downloads: for the first query and for a session of five.

Serves a built site (its output folder), opens the home page in headless Chromium (the
browser test's setup), types the queries one after another in the search box without leaving
the page, and sums the sizes of the search/ files the page fetched (the Resource Timing API's
decoded body sizes; the script's server does not compress, so they are the files' sizes).

Usage: python3 scripts/bench/search-bytes.py OUTPUT_FOLDER [--queries 파드 deployment ㅅㅂㅅ 롤링 업데이트 ingres]
Prints JSON: {"firstQuery": {"bytes", "files"}, "session": {"bytes", "files", "queries"}}.
"""

import argparse
import importlib.util
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("browser_test", os.path.join(HERE, "..", "browser-test.py"))
browser_test = importlib.util.module_from_spec(spec)
spec.loader.exec_module(browser_test)

SIZES = """
return performance.getEntriesByType('resource')
  .filter(function (e) { return e.name.indexOf('/search/') >= 0; })
  .map(function (e) { return [e.name, e.decodedBodySize || e.encodedBodySize || e.transferSize]; });
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--queries", nargs="+", default=["파드", "deployment", "ㅅㅂㅅ", "롤링 업데이트", "ingres"])
    args = parser.parse_args()
    chromium, driver_path = browser_test.ensure_tools()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    server, port = browser_test.serve(args.output)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=ko-KR"]:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        browser.get(f"http://127.0.0.1:{port}/")
        browser.execute_script("performance.setResourceTimingBufferSize(10000);")
        box = browser.find_element(By.ID, "search-input")
        result = {}
        for number, query in enumerate(args.queries):
            box.clear()
            box.send_keys(query)
            WebDriverWait(browser, 30).until(
                lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .search-result, #search-results .search-empty"))
            time.sleep(0.5)
            entries = {name: size for name, size in browser.execute_script(SIZES)}
            if number == 0:
                result["firstQuery"] = {"bytes": sum(entries.values()), "files": len(entries), "query": query,
                                        "largest": sorted(((size, name.rsplit("/", 1)[-1]) for name, size in entries.items()), reverse=True)[:int(os.environ.get("SHOW", "6"))]}
        result["session"] = {"bytes": sum(entries.values()), "files": len(entries), "queries": args.queries}
        print(json.dumps(result, ensure_ascii=False))
    finally:
        browser.quit()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
