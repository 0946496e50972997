"""A tiny test runner for the demo checks: runs test functions, prints one line per test,
writes a JUnit XML report when asked, and exits 1 when any test failed."""

import os
import sys
import time
import traceback
from xml.sax.saxutils import escape, quoteattr


def run(suite, tests, report=None):
    results = []
    for test in tests:
        started = time.time()
        try:
            test()
            results.append((test.__name__, None, time.time() - started))
            print(f"ok {test.__name__}")
        except Exception as error:  # every failure is reported, whatever its type
            detail = traceback.format_exc()
            results.append((test.__name__, (str(error), detail), time.time() - started))
            print(f"FAIL {test.__name__}: {error}")
    if report:
        write_junit(suite, results, report)
    failures = sum(1 for _, failure, _ in results if failure)
    print(f"{len(results) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


def write_junit(suite, results, path):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    failures = sum(1 for _, failure, _ in results if failure)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuite name={quoteattr(suite)} tests="{len(results)}" '
             f'failures="{failures}">']
    for name, failure, seconds in results:
        lines.append(f'  <testcase classname={quoteattr(suite)} name={quoteattr(name)} '
                     f'time="{seconds:.3f}">')
        if failure:
            message, detail = failure
            lines.append(f'    <failure message={quoteattr(message)}>{escape(detail)}'
                         '</failure>')
        lines.append('  </testcase>')
    lines.append('</testsuite>')
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
