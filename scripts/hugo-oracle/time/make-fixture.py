#!/usr/bin/env python3
"""Runs the time cases through Hugo 0.111 and writes what Hugo printed to
Tests/SiteGenTests/Fixtures/hugo-time.json:

- "templates": every line of cases.txt (blank lines and lines starting with `##` skipped), run in
  an English site whose home page is plain text, as {"template", "output"} or, where Hugo
  failed, {"template", "error"} with Hugo's message (the case is blanked and the build run again);
- "localized": `time.Format LAYOUT INPUT` for each input, layout and language of a multilingual
  site whose default content language is German, as {"defaultLanguage", "inputs", "layouts",
  "languages": {LANGUAGE: [[output for each layout] for each input]}}. `pt-br` and `en-us` are
  regional locales that print as their language does; `zh-cn` and `xx` are languages Hugo has no
  locale for: they print as the default language does;
- "locales": the same for every locale Hugo knows, as {"inputs", "layouts", "languages":
  {LANGUAGE: [[output, or {"error": Go's message}, for each layout] for each input]}}: each locale
  tabled in TimeLocaleTable+Hugo.swift for every input (a month and a weekday each, hours around
  midnight and noon), the others, regional locales that print as their language, for the first
  two inputs. Some locales' data is short and Hugo fails on some calls (see hugo_locales.py).

Usage: scripts/hugo-oracle/time/make-fixture.py (needs `hugo` 0.111 on the PATH)
"""
import json, pathlib, re, shutil, subprocess, sys, tempfile

import hugo_locales

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE = HERE.parents[2] / "Tests/SiteGenTests/Fixtures/hugo-time.json"
START, END = hugo_locales.START, hugo_locales.END

LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "ja", "zh", "ko", "ru", "ar", "hi", "pt-br", "en-us", "zh-cn", "xx"]
DEFAULT_LANGUAGE = "de"

LAYOUTS = [
    ":date_full", ":date_long", ":date_medium", ":date_short",
    ":time_full", ":time_long", ":time_medium", ":time_short",
    "January", "Jan", "Monday", "Mon", "Monday, January 2, 2006", "Mon, 02 Jan 2006 15:04:05 MST",
    "January Jan Monday Mon", "3:04 PM", "Marathon Sunday Sun Mayday",
]


def inputs():
    """Dates on every month and weekday, at hours around midnight and noon, in four zones."""
    zones = ["Z", "+01:00", "-07:00", "+05:30"]
    hours = [0, 1, 5, 11, 12, 13, 17, 23]
    days = [(2023, 1, 1), (2023, 2, 13), (2023, 3, 29), (2023, 4, 4), (2023, 5, 7), (2023, 6, 16),
            (2023, 7, 22), (2023, 8, 31), (2023, 9, 5), (2023, 10, 18), (2023, 11, 24), (2023, 12, 30),
            (2009, 11, 10), (2024, 2, 29), (1999, 12, 31), (2000, 1, 1)]
    values = []
    for number, (year, month, day) in enumerate(days):
        hour = hours[number % len(hours)]
        zone = zones[number % len(zones)]
        values.append(f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{(number * 7) % 60:02d}:{(number * 13) % 60:02d}{zone}")
    return values + ["0001-01-01T00:00:00Z", "0009-06-15T12:00:00Z", "0123-06-15T12:00:00Z", "2023-03-01T10:00:00"]


LOCALE_LAYOUTS = hugo_locales.PATTERN_LAYOUTS + ["January Jan Monday Mon", "Mon 2 Jan 2006 15:04"]
LOCALE_INPUTS = [
    "2023-01-04T00:30:00Z", "2023-02-13T12:05:09+01:00", "2023-03-18T23:59:59Z", "2023-04-09T11:00:00-07:00",
    "2023-05-25T13:45:00Z", "2023-06-02T01:02:03+05:30", "2023-07-24T17:17:17Z", "2023-08-01T09:09:09Z",
    "2023-09-13T15:46:58Z", "2023-10-19T12:00:00Z", "2023-11-25T03:04:05Z", "0009-12-31T20:00:00Z",
]
FALLBACK_INPUTS = 2


def tabled_keys():
    text = (hugo_locales.SOURCES / "TimeLocaleTable+Hugo.swift").read_text()
    return set(re.findall(r"^\[(.*)\]$", text, flags=re.M))


def every_locale(folder):
    tabled = tabled_keys()
    keys = hugo_locales.known_keys()
    calls = [(layout, value) for value in LOCALE_INPUTS for layout in LOCALE_LAYOUTS]
    site = hugo_locales.Site(pathlib.Path(folder) / "locales", calls)
    outputs = site.run([hugo_locales.language(key) for key in keys])
    languages = {}
    for key in keys:
        rows = [outputs[hugo_locales.language(key)][n:n + len(LOCALE_LAYOUTS)] for n in range(0, len(calls), len(LOCALE_LAYOUTS))]
        languages[hugo_locales.language(key)] = rows if key in tabled else rows[:FALLBACK_INPUTS]
    return {"inputs": LOCALE_INPUTS, "layouts": LOCALE_LAYOUTS, "languages": languages}


def read_cases():
    return [line for line in (HERE / "cases.txt").read_text().splitlines() if line.strip() and not line.startswith("##")]


def build(site):
    shutil.rmtree(site / "public", ignore_errors=True)
    return subprocess.run(["hugo"], cwd=site, capture_output=True, text=True)


def run_templates(site, cases):
    """Builds the cases until Hugo succeeds, recording and blanking each case it fails on."""
    failed = {}
    while True:
        lines = ["" if number in failed else f"{START}{case}{END}" for number, case in enumerate(cases)]
        (site / "layouts/index.plain.txt").write_text("\n".join(lines) + "\n")
        result = build(site)
        if result.returncode == 0:
            return (site / "public/index.txt").read_text(), failed
        match = re.search(r"index\.plain\.txt:(\d+):\d+", result.stderr)
        if not match:
            sys.exit(f"hugo failed outside the cases:\n{result.stderr}{result.stdout}")
        line = int(match.group(1)) - 1
        if line in failed or line >= len(cases):
            sys.exit(f"hugo failed again on line {line + 1}:\n{result.stderr}")
        failed[line] = hugo_message(result.stderr)


def hugo_message(stderr):
    """The part of Hugo's error that the template engine or function reported."""
    text = stderr.strip().splitlines()[0]
    match = re.search(r"executing \"[^\"]*\" at <.*?>: (.*)$", text) or re.search(r"index\.plain\.txt:\d+:\d+: (.*)$", text)
    return match.group(1) if match else text


def outputs_of(text):
    return re.findall(re.escape(START) + "(.*?)" + re.escape(END), text, flags=re.S)


def templates(folder):
    site = pathlib.Path(folder) / "templates"
    (site / "layouts").mkdir(parents=True)
    (site / "config.toml").write_text(hugo_locales.PLAIN.format(default="en"))
    cases = read_cases()
    output, failed = run_templates(site, cases)
    passed = iter(outputs_of(output))
    results = []
    for number, case in enumerate(cases):
        results.append({"template": case, "error": failed[number]} if number in failed else {"template": case, "output": next(passed)})
    return results, len(failed)


def localized(folder):
    site = pathlib.Path(folder) / "localized"
    (site / "layouts").mkdir(parents=True)
    config = hugo_locales.PLAIN.format(default=DEFAULT_LANGUAGE) + "[languages]\n"
    for number, language in enumerate(LANGUAGES):
        config += f'[languages.{language}]\nweight = {number + 1}\n'
        (site / f"content/_index.{language}.md").parent.mkdir(parents=True, exist_ok=True)
        (site / f"content/_index.{language}.md").write_text("---\ntitle: home\n---\n")
    (site / "config.toml").write_text(config)
    values = inputs()
    quoted = lambda items: " ".join(json.dumps(item) for item in items)
    (site / "layouts/index.plain.txt").write_text(
        f"{{{{ range slice {quoted(values)} }}}}{{{{ $input := . }}}}"
        f"{{{{ range slice {quoted(LAYOUTS)} }}}}{START}{{{{ time.Format . $input }}}}{END}{{{{ end }}}}\n{{{{ end }}}}")
    result = build(site)
    if result.returncode != 0:
        sys.exit(f"hugo failed:\n{result.stderr}")
    languages = {}
    for language in LANGUAGES:
        page = site / ("public/index.txt" if language == DEFAULT_LANGUAGE else f"public/{language}/index.txt")
        outputs = outputs_of(page.read_text())
        if len(outputs) != len(values) * len(LAYOUTS):
            sys.exit(f"{language}: {len(outputs)} outputs")
        languages[language] = [outputs[i * len(LAYOUTS):(i + 1) * len(LAYOUTS)] for i in range(len(values))]
    return {"defaultLanguage": DEFAULT_LANGUAGE, "inputs": values, "layouts": LAYOUTS, "languages": languages}


def write(fixture):
    """One case, or one language's outputs for one input, a line."""
    lines = ['{', '"templates": [']
    lines += [json.dumps(case, ensure_ascii=False) + ("," if i < len(fixture["templates"]) - 1 else "") for i, case in enumerate(fixture["templates"])]
    lines += ['],']
    lines += grid_lines("localized", fixture["localized"]) + [","] + grid_lines("locales", fixture["locales"])
    lines += ['}']
    FIXTURE.write_text("\n".join(lines) + "\n")


def grid_lines(name, grid):
    lines = [f'"{name}": {{']
    for key in [key for key in grid if key != "languages"]:
        lines.append(f'{json.dumps(key)}: {json.dumps(grid[key], ensure_ascii=False)},')
    lines.append('"languages": {')
    for n, (language, rows) in enumerate(grid["languages"].items()):
        lines.append(f'{json.dumps(language)}: [')
        lines += [json.dumps(row, ensure_ascii=False) + ("," if i < len(rows) - 1 else "") for i, row in enumerate(rows)]
        lines.append(']' + ("," if n < len(grid["languages"]) - 1 else ""))
    return lines + ['}', '}']


def main():
    if "v0.111" not in subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout:
        sys.exit("needs Hugo 0.111")
    with tempfile.TemporaryDirectory() as folder:
        cases, errors = templates(folder)
        grid = localized(folder)
        locales = every_locale(folder)
    write({"templates": cases, "localized": grid, "locales": locales})
    count = len(grid["inputs"]) * len(grid["layouts"]) * len(grid["languages"])
    locale_count = sum(len(rows) * len(locales["layouts"]) for rows in locales["languages"].values())
    print(f"{len(cases)} template cases ({errors} errors), {count} localized cases, "
          f"{locale_count} cases of {len(locales['languages'])} locales -> {FIXTURE}")


if __name__ == "__main__":
    main()
