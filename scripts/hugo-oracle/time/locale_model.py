"""A locale as SiteGen's `TimeLocale` holds it, read back from what Hugo printed (hugo_locales.py),
and the printing of Hugo's calls from it, mirroring HugoTimeFormatter.swift, to check that the
locale read back prints all that Hugo printed.

Names are kept as go-locales keeps them, Go slices whose length Hugo's `index out of range` errors
report: month names from index 1 (index 0 is unused), weekday names from Sunday, the periods
before and after noon. A name no call shows is "".
"""
import dataclasses, datetime, itertools, re, unicodedata

ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
ENGLISH_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
FULL_LENGTHS = {"monthsWide": 13, "monthsAbbreviated": 13, "weekdaysWide": 7, "weekdaysAbbreviated": 7, "periods": 2}


class GoIndexError(Exception):
    def __init__(self, index, length):
        super().__init__(f"runtime error: index out of range [{index}] with length {length}")


@dataclasses.dataclass
class Locale:
    monthsWide: list
    monthsAbbreviated: list
    weekdaysWide: list
    weekdaysAbbreviated: list
    periods: list
    patterns: list  # date full, long, medium, short, then time full, long, medium, short

    def name(self, field, index):
        names = getattr(self, field)
        if index >= len(names):
            raise GoIndexError(index, len(names))
        return UNKNOWN.format(field=field, index=index) if names[index] is None else names[index]


# A name no name layout shows, printed as a mark for read_pattern to read the name off Hugo's output.
UNKNOWN = "\x00{field} {index}\x00"


@dataclasses.dataclass
class Time:
    """The fields of an RFC 3339 time as Go prints them in its own zone."""
    year: int
    month: int
    day: int
    weekday: int
    hour: int
    minute: int
    second: int
    zone: str

    @staticmethod
    def parse(text):
        value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return Time(value.year, value.month, value.day, (value.weekday() + 1) % 7, value.hour, value.minute,
                    value.second, "UTC" if text.endswith("Z") else "")


# MARK: Printing


def print_call(locale, layout, value):
    """What SiteGen prints for `time.Format layout value`, or the error it fails with."""
    time = Time.parse(value)
    try:
        if layout.startswith(":"):
            return print_pattern(locale.patterns[PATTERN_NAMES.index(layout)], locale, time)
        return replace_names(locale, go_layout(layout, time), time)
    except GoIndexError as error:
        return {"error": str(error)}


PATTERN_NAMES = [":date_full", ":date_long", ":date_medium", ":date_short",
                 ":time_full", ":time_long", ":time_medium", ":time_short"]


def go_layout(layout, time):
    """Go's layout, for the few layouts hugo_locales.py asks for."""
    assert set(re.findall("[A-Za-z]+", layout)) <= {"January", "Jan", "Monday", "Mon"}, layout
    names = {"January": ENGLISH_MONTHS[time.month - 1], "Jan": ENGLISH_MONTHS[time.month - 1][:3],
             "Monday": ENGLISH_WEEKDAYS[time.weekday], "Mon": ENGLISH_WEEKDAYS[time.weekday][:3]}
    return re.sub("January|Jan|Monday|Mon", lambda match: names[match.group(0)], layout)


def replace_names(locale, text, time):
    """Hugo's htime.TimeFormatter: English names replaced by the locale's, wide before abbreviated."""
    english = ENGLISH_MONTHS[time.month - 1]
    wide = locale.name("monthsWide", time.month)
    text = text.replace(english, wide)
    if wide not in text:
        text = text.replace(english[:3], locale.name("monthsAbbreviated", time.month))
    english = ENGLISH_WEEKDAYS[time.weekday]
    wide = locale.name("weekdaysWide", time.weekday)
    text = text.replace(english, wide)
    if wide not in text:
        text = text.replace(english[:3], locale.name("weekdaysAbbreviated", time.weekday))
    return text


def pattern_tokens(pattern):
    """(letter, count) for a field, (None, text) for text, as LocalePattern reads them: `'…'`
    quotes text (pattern_text writes no apostrophe as text)."""
    tokens, i = [], 0
    while i < len(pattern):
        character = pattern[i]
        if character == "'":
            end = pattern.index("'", i + 1)
            tokens.append((None, pattern[i + 1:end]))
            i = end + 1
        elif character.isascii() and character.isalpha():
            count = len(pattern[i:]) - len(pattern[i:].lstrip(character))
            tokens.append((character, count))
            i += count
        else:
            tokens.append((None, character))
            i += 1
    return tokens


def print_pattern(pattern, locale, time):
    return "".join(print_field(letter, value, locale, time) for letter, value in pattern_tokens(pattern))


def print_field(letter, count, locale, time):
    if letter is None:
        return count
    hour12 = time.hour - 12 if time.hour > 12 else time.hour
    numbers = {"d": time.day, "H": time.hour, "h": hour12, "m": time.minute, "s": time.second, "M": time.month}
    if letter == "E" and count == 4:
        return locale.name("weekdaysWide", time.weekday)
    if letter == "M" and count >= 3:
        return locale.name("monthsWide" if count >= 4 else "monthsAbbreviated", time.month)
    if letter == "y":
        digits = str(abs(time.year))
        return str(time.year)[2 if time.year > 9 else 1:] if count == 2 else digits
    if letter == "a":
        return locale.name("periods", 0 if time.hour < 12 else 1)
    if letter == "z":
        return time.zone
    if letter in numbers:
        return f"{numbers[letter]:02d}" if count == 2 else str(numbers[letter])
    raise ValueError(f"pattern letter {letter}")


# MARK: Reading a locale back


def read_locale(calls, outputs):
    """The locale that prints `outputs` for `calls`, or raises ValueError saying what it could not
    explain."""
    names = read_names(calls, outputs)
    locale = fit_lengths(names, calls, outputs)
    locale.periods = read_periods(calls, outputs, locale)
    for number, layout in enumerate(PATTERN_NAMES):
        locale.patterns[number] = read_pattern(layout, calls, outputs, locale)
    for field in FULL_LENGTHS:
        setattr(locale, field, ["" if name is None else name for name in getattr(locale, field)])
    mismatches = [(layout, value, expected, print_call(locale, layout, value))
                  for (layout, value), expected in zip(calls, outputs) if print_call(locale, layout, value) != expected]
    if mismatches:
        raise ValueError(f"{len(mismatches)} calls print otherwise, first {mismatches[0]}")
    return locale


def read_names(calls, outputs):
    """{field: {index: name}} from the name layouts, where they show the name: "Jan" shows no
    abbreviation for May (Go prints "May", which Hugo replaces with the wide name), nor where the
    wide name is in the text already."""
    values = {field: {} for field in FULL_LENGTHS}
    for (layout, value), output in zip(calls, outputs):
        if isinstance(output, dict) or layout.startswith(":"):
            continue
        time = Time.parse(value)
        english = ENGLISH_MONTHS[time.month - 1]
        if layout == "January":
            values["monthsWide"][time.month] = output
        elif layout == "Jan":
            wide = values["monthsWide"].get(time.month)
            if english != english[:3] and wide is not None and wide not in english[:3]:
                values["monthsAbbreviated"][time.month] = output
        else:
            month, name = output.split("|", 1)
            wide = values["weekdaysWide"].get(time.weekday)
            if layout == "January|Monday":
                values["weekdaysWide"][time.weekday] = name
            elif wide is not None and wide not in month + "|" + ENGLISH_WEEKDAYS[time.weekday][:3]:
                values["weekdaysAbbreviated"][time.weekday] = name
    return values


def fit_lengths(values, calls, outputs):
    """The locale with the names read, whose slices have the lengths that make the name layouts
    fail where Hugo's did: full, or one of the lengths Hugo's errors report."""
    reported = {int(length) for output in outputs if isinstance(output, dict)
                for length in re.findall(r"with length (\d+)", output["error"])}
    choices = []
    for field, full in FULL_LENGTHS.items():
        shortest = max(values[field], default=-1) + 1
        choices.append([full] + sorted(length for length in reported if shortest <= length < full))
    name_calls = [(call, output) for call, output in zip(calls, outputs) if not call[0].startswith(":")]
    for lengths in itertools.product(*choices):
        slices = {field: [values[field].get(index) for index in range(length)]
                  for field, length in zip(FULL_LENGTHS, lengths)}
        locale = Locale(**slices, patterns=[""] * 8)
        if all(matches(print_call(locale, *call), output, {}) for call, output in name_calls):
            return locale
    raise ValueError(f"no lengths of the names print the name layouts as Hugo did: {choices}")


def read_periods(calls, outputs, locale):
    """The periods from the time layouts' outputs at 15:46:58 and 3:46:58, when they differ by
    more than the hour: the text around the difference up to the digits, trimmed."""
    probes = {}
    for (layout, value), output in zip(calls, outputs):
        if layout.startswith(":time") and value.startswith("1987-11-24") and isinstance(output, str):
            probes.setdefault(layout, {})[value[11:13]] = output
    for layout in [":time_short", ":time_medium", ":time_long", ":time_full"]:
        pair = probes.get(layout, {})
        if len(pair) < 2 or pair["15"] == pair["03"]:
            continue
        after, before = pair["15"], pair["03"]
        start = len(common_prefix(after, before))
        end = len(common_prefix(after[::-1], before[::-1]))
        spans = []
        for text in (before, after):
            first, last = start, len(text) - end
            while first > 0 and not text[first - 1].isdigit():
                first -= 1
            while last < len(text) and not text[last].isdigit():
                last += 1
            spans.append(text[first:last].strip(" \u00a0\u202f"))
        if not any(character.isdigit() for span in spans for character in span):
            return spans
    # No time layout shows them; keep what a failing layout needs, for its error.
    return locale.periods


def matches(printed, output, learned):
    """Whether `printed` is `output`, reading the names that `printed` marks as unknown off
    `output` into `learned` ({(field, index): name}), each the same wherever it is printed."""
    if isinstance(printed, dict) or isinstance(output, dict) or "\x00" not in printed:
        return printed == output
    parts = printed.split("\x00")
    unknowns = [(part.split()[0], int(part.split()[1])) for part in parts[1::2]]
    pattern = ""
    for n, part in enumerate(parts):
        if n % 2 == 0:
            pattern += re.escape(part)
        else:
            known = learned.get(unknowns[n // 2])
            pattern += re.escape(known) if known is not None else "(.*?)"
    match = re.fullmatch(pattern, output, flags=re.S)
    if not match:
        return False
    names = iter(match.groups())
    for unknown in unknowns:
        if unknown not in learned:
            learned[unknown] = next(names)
    return True


def common_prefix(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def probe_texts(locale, time):
    """The text each field prints for `time`, for the fields that print something; None for a
    month or weekday name not known yet, which may be any word. Periods are known from the time
    layouts or not printed."""
    fields = ["EEEE", "MMMM", "MMM", "y", "yy", "MM", "M", "dd", "d", "HH", "H", "hh", "h",
              "mm", "m", "ss", "s", "a", "z"]
    texts = []
    for field in fields:
        try:
            text = print_pattern(field, locale, time)
        except GoIndexError:
            continue
        if "\x00" not in text and text:
            texts.append((field, text))
        elif "\x00" in text and field != "a":
            texts.append((field, None))
    return texts


def read_pattern(layout, calls, outputs, locale):
    """The pattern that prints every output of `layout` as Hugo did (and fails where it failed),
    read from the first output of a probe input: each field whose text is there, or the text."""
    cases = [(value, output) for (name, value), output in zip(calls, outputs) if name == layout]
    probes = [(value, output) for value, output in cases if isinstance(output, str)]
    if not probes:
        return failing_field(layout, cases, locale)
    probe_value, probe_output = probes[0]
    texts = probe_texts(locale, Time.parse(probe_value))
    tried = 0
    number = PATTERN_NAMES.index(layout)
    for pieces in tokenizations(probe_output, texts):
        locale.patterns[number] = pattern_text(pieces)
        tried += 1
        learned = {}
        if all(matches(print_call(locale, layout, value), output, learned) for value, output in cases):
            for (field, index), name in learned.items():
                getattr(locale, field)[index] = name
            return locale.patterns[number]
        if tried > 20000:
            break
    raise ValueError(f"{layout}: no pattern prints {probe_output!r} ({tried} tried)")


def failing_field(layout, cases, locale):
    """For a layout that fails on every input, the name field it fails on: the pattern that
    fails as it does, since go-locales' code stops at the first name past the data's end."""
    number = PATTERN_NAMES.index(layout)
    reported = {int(length) for _, output in cases for length in re.findall(r"with length (\d+)", output["error"])}
    periods = locale.periods
    for field, length in itertools.product(["MMMM", "MMM", "EEEE", "a"], sorted(reported)):
        locale.patterns[number] = field
        # The periods' length is known only from here when no time layout prints them.
        if field == "a" and all(period is None for period in periods) and length < len(periods):
            locale.periods = [None] * length
        if all(print_call(locale, layout, value) == output for value, output in cases):
            return field
        locale.periods = periods
    raise ValueError(f"{layout} fails on every input, and not as a name field does")


def tokenizations(text, texts, start=0):
    """Patterns that print `text` for the probe: fields first (a number only as a whole run of
    digits), then the character as text."""
    if start == len(text):
        yield []
        return
    for field, printed in texts:
        if printed is None:
            for end in word_ends(text, start):
                for rest in tokenizations(text, texts, end):
                    yield [(field, text[start:end])] + rest
            continue
        end = start + len(printed)
        if not text.startswith(printed, start):
            continue
        if printed.isdigit() and ((start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())):
            continue
        for rest in tokenizations(text, texts, end):
            yield [(field, printed)] + rest
    for rest in tokenizations(text, texts, start + 1):
        yield [(None, text[start])] + rest


def word_ends(text, start):
    """Where a name not known yet may end if it starts at `start`: it starts and ends by a
    separator (a space, a digit, punctuation) or the text's ends, holds no digits, and neither
    starts nor ends with a space."""
    def separates(character):
        return character.isspace() or character.isdigit() or unicodedata.category(character).startswith("P")
    if (start > 0 and not separates(text[start - 1])) or separates(text[start]):
        return []
    ends = []
    for end in range(start + 1, len(text) + 1):
        if text[end - 1].isdigit():
            break
        if (end == len(text) or separates(text[end])) and not text[end - 1].isspace():
            ends.append(end)
    return reversed(ends)


def pattern_text(pieces):
    """The pattern of fields and text: a run of text is quoted when it holds an ASCII letter."""
    pattern = ""
    for is_text, run in itertools.groupby(pieces, key=lambda piece: piece[0] is None):
        run = list(run)
        if not is_text:
            pattern += "".join(field for field, _ in run)
            continue
        text = "".join(printed for _, printed in run)
        if "'" in text:
            raise ValueError(f"an apostrophe in {text!r}")
        pattern += f"'{text}'" if re.search("[A-Za-z]", text) else text
    return pattern
