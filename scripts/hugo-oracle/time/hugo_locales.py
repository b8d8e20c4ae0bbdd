"""What Hugo 0.111 prints for every locale it knows: the calls of `time.Format` that show a locale's
month and weekday names and its eight `:date_*`/`:time_*` layouts, run in one site that has every
locale as a language (Hugo's locale library, gohugoio/locales, is chosen by the language key).

Some locales' data is short (ar_dz has 7 wide month names, ks no abbreviated ones) and Hugo fails
with Go's `index out of range` on the calls that reach past it. A failed build names no language, so
the languages it fails on are found by halving the batch, and each is then built alone, blanking
each call it fails on and building again, so that what it prints and how it fails are both known.
"""
import datetime, pathlib, re, shutil, subprocess

START, END = "\u27e6", "\u27e7"  # ⟦ ⟧ around each call's output
SOURCES = pathlib.Path(__file__).resolve().parents[3] / "Sources/SiteGen/HugoTemplates/Objects"

# A site whose home page is plain text (no HTML escaping), in index.txt.
PLAIN = """\
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "robotsTXT", "404"]
defaultContentLanguage = "{default}"
[outputFormats.plain]
mediaType = "text/plain"
baseName = "index"
isPlainText = true
[outputs]
home = ["plain"]
"""

PATTERN_LAYOUTS = [":date_full", ":date_long", ":date_medium", ":date_short",
                   ":time_full", ":time_long", ":time_medium", ":time_short"]

# The first two are the probes patterns are read from: every field has a value of its own (year
# 1987, month 11, day 24, hour 15 or 3, minute 46, second 58). The others check the pattern:
# unpadded values, midnight and noon, every month and weekday, a zone with no name, years below 100,
# and days of January for the locales that have only January's name (se_fi).
PATTERN_INPUTS = [
    "1987-11-24T15:46:58Z", "1987-11-24T03:46:58Z", "2009-02-05T21:07:03Z", "2023-01-01T00:00:00Z",
    "2023-01-28T15:46:58Z", "2023-01-05T03:07:09Z",
    "2023-03-06T12:30:09Z", "2023-04-12T11:59:59Z", "2023-05-19T13:01:02+05:30", "2023-06-17T23:08:04Z",
    "2023-07-03T01:02:03-07:00", "2023-08-09T09:09:09Z", "2023-09-14T10:10:10Z", "2023-10-20T14:14:14Z",
    "2023-12-31T22:22:22Z", "0009-06-15T12:00:00Z", "0123-06-15T06:00:00Z", "0001-01-01T00:00:00Z",
    "2000-02-29T16:45:00Z",
]


def month_inputs(month):
    """Two days of `month` in 2023 on different weekdays, neither of whose index is the month's, so
    that an index in Hugo's error tells a month name from a weekday name."""
    days = [day for day in range(10, 28) if weekday(datetime.date(2023, month, day)) != month]
    return [f"2023-{month:02d}-{days[0]:02d}T10:00:00Z", f"2023-{month:02d}-{days[1]:02d}T10:00:00Z"]


def weekday_inputs():
    """The seven weekdays in January, July and October 2023 (a locale with few month names fails
    on the later months; January's index is Monday's)."""
    starts = [datetime.date(2023, 1, 1), datetime.date(2023, 7, 2), datetime.date(2023, 10, 1)]
    return [f"{start + datetime.timedelta(days=n)}T10:00:00Z" for start in starts for n in range(7)]


def weekday(date):
    """Go's weekday: Sunday is 0."""
    return (date.weekday() + 1) % 7


def calls():
    """(layout, input) of every call, the same for each language."""
    result = []
    for month in range(1, 13):
        result += [(layout, value) for value in month_inputs(month) for layout in ["January", "Jan"]]
    result += [(layout, value) for value in weekday_inputs() for layout in ["January|Monday", "January|Mon"]]
    result += [(layout, value) for value in PATTERN_INPUTS for layout in PATTERN_LAYOUTS]
    return result


def known_keys():
    """`TimeLocale.knownToHugo`, as known-locales.py wrote it."""
    text = (SOURCES / "HugoTimeLocales.swift").read_text()
    return re.search(r'knownToHugo: Set<String> = Set\("""(.*?)"""', text, re.S).group(1).split()


def language(key):
    """The language key a site would write for a locale key: `pt_br` is `pt-br`."""
    return key.replace("_", "-")


class Site:
    """A site with the languages asked for, whose home page prints `calls`, a call a line."""

    def __init__(self, folder, calls):
        self.folder = pathlib.Path(folder)
        (self.folder / "layouts").mkdir(parents=True, exist_ok=True)
        self.calls = calls

    def build(self, languages, blanked=frozenset()):
        config = PLAIN.format(default=languages[0]) + "[languages]\n"
        config += "".join(f'[languages."{name}"]\nweight = {n + 1}\n' for n, name in enumerate(languages))
        (self.folder / "config.toml").write_text(config)
        lines = ["" if n in blanked else f'{START}{{{{ time.Format "{layout}" "{value}" }}}}{END}'
                 for n, (layout, value) in enumerate(self.calls)]
        (self.folder / "layouts/index.plain.txt").write_text("\n".join(lines) + "\n")
        shutil.rmtree(self.folder / "public", ignore_errors=True)
        return subprocess.run(["hugo", "--quiet"], cwd=self.folder, capture_output=True, text=True)

    def outputs(self, languages, blanked=frozenset()):
        """Each language's outputs, None for a blanked call."""
        result = {}
        for n, name in enumerate(languages):
            page = self.folder / ("public/index.txt" if n == 0 else f"public/{name}/index.txt")
            printed = iter(re.findall(re.escape(START) + "(.*?)" + re.escape(END), page.read_text(), flags=re.S))
            result[name] = [None if i in blanked else next(printed) for i in range(len(self.calls))]
        return result

    def run(self, languages):
        """{language: [output, or {"error": Go's message}, for each call]}."""
        result, failing = {}, []
        self.halve(languages, result, failing)
        for name in failing:
            result[name] = self.run_alone(name)
        return result

    def halve(self, languages, result, failing):
        if self.build(languages).returncode == 0:
            result.update(self.outputs(languages))
        elif len(languages) == 1:
            failing.append(languages[0])
        else:
            half = len(languages) // 2
            self.halve(languages[:half], result, failing)
            self.halve(languages[half:], result, failing)

    def run_alone(self, name):
        errors = {}
        while True:
            built = self.build([name], frozenset(errors))
            if built.returncode == 0:
                outputs = self.outputs([name], frozenset(errors))[name]
                return [{"error": errors[n]} if n in errors else output for n, output in enumerate(outputs)]
            line = re.search(r"index\.plain\.txt:(\d+):\d+", built.stderr)
            message = re.search(r"error calling Format: (.*)", built.stderr)
            if not line or not message or int(line.group(1)) - 1 in errors:
                raise SystemExit(f"{name}: hugo failed outside the calls:\n{built.stderr}")
            errors[int(line.group(1)) - 1] = message.group(1).strip()
