#!/usr/bin/env python3
"""Prints the locale keys Hugo 0.111's locale library knows (lower case, `_` between parts), one a
line, for `TimeLocale.knownToHugo` in Sources/SiteGen/HugoTemplates/Objects/HugoTimeLocales.swift.

Hugo gives a language with no locale of its own the default content language's locale. So each of
ICU's locale identifiers (from Foundation's `Locale.availableIdentifiers`) is made a language of a
site twice, with Japanese and then French as the default language: a key Hugo does not know prints
Japanese month names in the first build and French ones in the second. Locales whose data makes
Hugo panic are found by halving the batch that fails, and kept (Hugo knows them).

Usage: scripts/hugo-oracle/time/known-locales.py (needs `hugo` 0.111 and `swift` on the PATH)
"""
import pathlib, shutil, subprocess, sys, tempfile

LAYOUT = "{{ .Language.Lang }}\t{{ time.Format \"January Jan Monday Mon\" (time \"2023-03-01T10:00:00Z\") }}\n"


def candidates():
    script = 'import Foundation\nprint(Locale.availableIdentifiers.joined(separator: "\\n"))\n'
    with tempfile.NamedTemporaryFile("w", suffix=".swift") as file:
        file.write(script)
        file.flush()
        output = subprocess.run(["swift", file.name], capture_output=True, text=True, check=True).stdout
    return list(dict.fromkeys(line.strip().lower() for line in output.splitlines() if line.strip()))


def build(site, languages, default):
    config = ['baseURL = "https://example.org/"', 'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "section", "404"]',
              f'defaultContentLanguage = "{default}"', "[outputs]", 'home = ["JSON"]', "[languages]"]
    config += [f'[languages."{language}"]' for language in dict.fromkeys(languages + [default])]
    (site / "config.toml").write_text("\n".join(config) + "\n")
    shutil.rmtree(site / "public", ignore_errors=True)
    if subprocess.run(["hugo", "--quiet"], cwd=site, capture_output=True).returncode != 0:
        return None
    outputs = {}
    for page in (site / "public").rglob("index.json"):
        key, text = page.read_text().rstrip("\n").split("\t", 1)
        outputs[key] = text
    return outputs


def probe(site, languages, default, outputs, panics):
    result = build(site, languages, default)
    if result is not None:
        outputs.update(result)
    elif len(languages) == 1:
        panics.append(languages[0])
    else:
        half = len(languages) // 2
        probe(site, languages[:half], default, outputs, panics)
        probe(site, languages[half:], default, outputs, panics)


def main():
    keys = candidates()
    runs = {}
    with tempfile.TemporaryDirectory() as folder:
        site = pathlib.Path(folder)
        (site / "layouts").mkdir()
        (site / "layouts/index.json").write_text(LAYOUT)
        for default in ["ja", "fr"]:
            outputs, panics = {}, []
            for start in range(0, len(keys), 100):
                probe(site, keys[start:start + 100], default, outputs, panics)
            runs[default] = (outputs, panics)
    (japanese, panics), (french, _) = runs["ja"], runs["fr"]
    known = [key for key in keys if key in panics
             or not (japanese.get(key) == japanese["ja"] and french.get(key) == french["fr"])]
    print("\n".join(sorted(known)))
    print(f"{len(known)} of {len(keys)} keys", file=sys.stderr)


if __name__ == "__main__":
    main()
