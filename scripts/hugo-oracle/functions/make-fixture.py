#!/usr/bin/env python3
"""Runs every template in cases/*.txt through Hugo 0.111 and writes what Hugo printed to
Tests/SiteGenTests/Fixtures/hugo-functions.json, as [{"template", "output"}] or, where Hugo
failed, [{"template", "error"}] with Hugo's message.

A case is one line of a cases file (blank lines and lines starting with `##` are skipped). The
cases run in one site whose home page is plain text (text/template, no HTML escaping) and which
has the few pages in PAGES below, so that cases can use
`.Site.RegularPages`. A case Hugo fails on is found from the line Hugo names, recorded, blanked,
and the build run again.

Usage: scripts/hugo-oracle/functions/make-fixture.py (needs `hugo` 0.111 on the PATH)
"""
import json, pathlib, re, shutil, subprocess, sys, tempfile

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE = HERE.parents[2] / "Tests/SiteGenTests/Fixtures/hugo-functions.json"
START, END = "\u27e6", "\u27e7"  # ⟦ ⟧ around each case's output

CONFIG = """\
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "robotsTXT", "404"]
[outputFormats.plain]
mediaType = "text/plain"
baseName = "index"
isPlainText = true
[outputs]
home = ["plain"]
page = ["plain"]
"""

# Pages the cases can reach through .Site.RegularPages; HugoFunctionsTests.swift builds the same.
PAGES = {
    "content/books/alpha.md": "---\ntitle: Alpha\nweight: 3\nparams_note: x\ntags: [go, swift]\nrating: 4.5\ncount: 3\n---\n",
    "content/books/beta.md": "---\ntitle: Beta\nweight: 1\ntags: [rust]\nrating: 3\ncount: 10\n---\n",
    "content/films/gamma.md": "---\ntitle: Gamma\nweight: 2\ntags: [go]\ncount: 7\ndraftish: true\n---\n",
}


def read_cases():
    cases = []
    for path in sorted((HERE / "cases").glob("*.txt")):
        for line in path.read_text().splitlines():
            if line.strip() and not line.startswith("##"):
                cases.append(line)
    return cases


def layout(cases, failed):
    lines = []
    for number, case in enumerate(cases):
        lines.append("" if number in failed else f"{START}{case}{END}")
    return "\n".join(lines) + "\n"


def run(site, cases):
    failed = {}
    while True:
        (site / "layouts/index.plain.txt").write_text(layout(cases, failed))
        shutil.rmtree(site / "public", ignore_errors=True)
        result = subprocess.run(["hugo"], cwd=site, capture_output=True, text=True)
        if result.returncode == 0:
            return (site / "public/index.txt").read_bytes().decode("utf-8", "backslashreplace"), failed
        match = re.search(r"index\.plain\.txt:(\d+):\d+", result.stderr)
        if not match:
            sys.exit(f"hugo failed outside the cases:\n{result.stderr}{result.stdout}")
        line = int(match.group(1)) - 1
        if line in failed or line >= len(cases):
            sys.exit(f"hugo failed again on line {line + 1}:\n{result.stderr}")
        failed[line] = hugo_message(result.stderr)


def hugo_message(stderr):
    """The part of Hugo's error that the function reported: after `at <…>: `, else after the
    template position."""
    text = stderr.strip().splitlines()[0]
    match = re.search(r"executing \"[^\"]*\" at <.*?>: (.*)$", text) or re.search(r"index\.plain\.txt:\d+:\d+: (.*)$", text)
    return match.group(1) if match else text


def main():
    cases = read_cases()
    with tempfile.TemporaryDirectory() as folder:
        site = pathlib.Path(folder)
        (site / "config.toml").write_text(CONFIG)
        (site / "layouts/_default").mkdir(parents=True)
        (site / "layouts/_default/single.plain.txt").write_text("")
        for path, text in PAGES.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(text)
        output, failed = run(site, cases)
    outputs = re.findall(re.escape(START) + "(.*?)" + re.escape(END), output, flags=re.S)
    if len(outputs) != len(cases) - len(failed):
        sys.exit(f"found {len(outputs)} outputs for {len(cases) - len(failed)} cases")
    results, passed = [], iter(outputs)
    for number, case in enumerate(cases):
        if number in failed:
            results.append({"template": case, "error": failed[number]})
        else:
            results.append({"template": case, "output": next(passed)})
    FIXTURE.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(results)} cases, {len(failed)} errors -> {FIXTURE}")


if __name__ == "__main__":
    main()
