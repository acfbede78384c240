#!/usr/bin/env python3
"""Runs axe-core (WCAG 2.0/2.1 A and AA rules) on HTML documents in headless Chromium through
Selenium and chromedriver, and writes the violations per file as JSON.

Usage: scripts/axe-check.py RESULT.json FILE.html [FILE.html ...]

RESULT.json becomes {"FILE.html": [{"id", "impact", "help", "nodes", "targets"}], ...}; an empty
list means no violations. The axe-core bundle (axe 4) is the one shipped in the axe-core-python
wheel (pip install axe-core-python). Exit 0 when every file was checked, 2 when a tool is
missing (the message says which), 1 on any other failure.
"""
import json
import os
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    try:
        import axe_core_python
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError as error:
        print(f"missing: {error.name} (apt-get install python3-selenium; pip install axe-core-python)", file=sys.stderr)
        return 2
    bundle = os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js")
    with open(bundle, encoding="utf-8") as handle:
        axe = handle.read()
    options = Options()
    for argument in ["--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]:
        if os.path.exists(candidate):
            options.binary_location = candidate
    driver_path = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)), None)
    if driver_path is None:
        print("missing: chromedriver (apt-get install chromium-driver)", file=sys.stderr)
        return 2
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    results = {}
    try:
        driver.set_script_timeout(60)
        for path in sys.argv[2:]:
            driver.get("file://" + os.path.abspath(path))
            driver.execute_script(axe)
            found = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                ".then(function (r) { done(r.violations); }, function (e) { done({error: String(e)}); });")
            if isinstance(found, dict) and "error" in found:
                print(f"{path}: axe failed: {found['error']}", file=sys.stderr)
                return 1
            results[path] = [{"id": v["id"], "impact": v.get("impact"), "help": v.get("help"), "nodes": len(v["nodes"]),
                              "targets": [n["target"] for n in v["nodes"][:3]]} for v in found]
    finally:
        driver.quit()
    with open(sys.argv[1], "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
