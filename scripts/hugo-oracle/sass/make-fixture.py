#!/usr/bin/env python3
"""Runs each Sass input below through Hugo 0.111's `resources.ToCSS` (LibSass) and writes what
Hugo published to Tests/SiteGenTests/Fixtures/hugo-sass.json, for SassCompilerTests.swift.

The fixture is {"files": {path: text}, "assetFolders": [path], "cases": [case]}. `files` are the
partials every case can import, by their path in the site (the test writes them into a temporary
folder), and `assetFolders` the site's and its theme's `assets`, in Hugo's order. A case is
{"name", "path", "syntax", "source", "options", "css"} or, where Hugo failed, the same with
"error": {"file", "line", "column", "message"} in place of "css"; `path` is where the source was
in the site, `options` the dict the template gave `resources.ToCSS`, and `file` is relative to
the site. Where Hugo's CSS names a file by its absolute path, the site's folder is `{site}`.

Each input runs with no options (Hugo's default style, nested) and with each output style; a few
inputs also run with other options. A case Hugo fails on is found from the resource Hugo names,
recorded, dropped from the template, and the build run again.

Usage: scripts/hugo-oracle/sass/make-fixture.py (needs `hugo` 0.111 extended on the PATH)
"""
import json, pathlib, re, shutil, subprocess, sys, tempfile

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE = HERE.parents[2] / "Tests/SiteGenTests/Fixtures/hugo-sass.json"

CONFIG = """\
baseURL = "https://example.org/"
theme = "base"
disableKinds = ["taxonomy", "term", "section", "page", "RSS", "sitemap", "robotsTXT", "404"]
"""

# Partials next to the cases (assets/sass/, the asset's own folder, which Hugo makes an include
# path), two in a subfolder of it (the one imports the other, relative to itself), one in a folder
# that only an `includePaths` option adds, and the theme's: one that imports a partial the site
# overrides, and the theme's own version of that partial. `both` is there as a partial and not;
# `_up` is in no include path, and `_outside` outside the assets.
FILES = {
    "assets/sass/_partial.scss": "$partial-color: #0a7 !default;\n.partial {\n  color: $partial-color;\n}\n",
    "assets/sass/lib/_mixins.scss": "@import \"units\";\n@mixin stack($gap) {\n  display: flex;\n  flex-direction: column;\n  gap: $gap * $unit;\n}\n",
    "assets/sass/lib/_units.scss": "$unit: 4px;\n",
    "assets/sass/_indented.sass": ".indented\n  margin: 0 auto\n  &:hover\n    opacity: .5\n",
    "assets/sass/_broken.scss": ".broken {\n  color: $not-defined;\n}\n",
    "assets/sass/_both.scss": ".both-partial {\n  x: 1;\n}\n",
    "assets/sass/both.scss": ".both-plain {\n  x: 2;\n}\n",
    "vendor/extra/_extra.scss": ".extra {\n  border: 1px solid;\n}\n",
    "themes/base/assets/sass/_themed.scss": "@import \"lib/units\";\n.themed {\n  width: $unit;\n}\n",
    "themes/base/assets/sass/lib/_units.scss": "$unit: 99px;\n",
    "assets/_up.scss": ".up {\n  x: 1;\n}\n",
    "_outside.scss": ".outside {\n  x: 1;\n}\n",
}
ASSET_FOLDERS = ["assets", "themes/base/assets"]

INPUTS = {
    "nesting": ("scss", """\
$primary: #3366cc;
$pad: 4px;
// A silent comment
nav {
  ul { margin: 0; padding: $pad * 2; }
  li { display: inline-block; }
  a {
    color: $primary;
    &:hover { color: darken($primary, 10%); }
    &.active { font-weight: bold; }
    .icon + & { margin-left: $pad; }
    &-label { font-size: small; }
  }
}
"""),
    "mixins-extend": ("scss", """\
@mixin box($radius: 3px, $shadow...) { border-radius: $radius; box-shadow: $shadow; }
%message { border: 1px solid #ccc; padding: 10px; }
.message { @extend %message; }
.success { @extend %message; border-color: green; }
.card { @include box(5px, 0 1px 2px rgba(0, 0, 0, .2), inset 0 0 1px #fff); }
@mixin respond($bp) { @media (min-width: $bp) { @content; } }
.sidebar { width: 100%; @include respond(768px) { width: 30%; } }
"""),
    "math": ("scss", """\
.grid { width: percentage(1/3); height: (10px / 3); margin: 1px + 2px * 3.14159265358979; line-height: 1.61803398875; }
.round { a: round(2.5); b: ceil(1.2px); c: floor(-1.5); d: abs(-3em); e: 7 % 3; f: (1/7); g: 0.1 + 0.2; }
"""),
    "control-flow": ("scss", """\
$sizes: (small: 12px, medium: 16px, large: 24px);
@each $name, $size in $sizes { .text-#{$name} { font-size: $size; } }
@for $i from 1 through 3 { .m-#{$i} { margin: #{$i * 4}px; } }
$i: 2;
@while $i > 0 { .w-#{$i} { width: 10px * $i; } $i: $i - 1; }
@function rem($px, $base: 16px) { @return ($px / $base) * 1rem; }
.h { font-size: rem(24px); @if map-get($sizes, small) < 14px { small: yes; } @else { small: no; } }
"""),
    "colors-strings": ("scss", """\
.c { a: rgba(#ff0000, 0.5); b: mix(#000, #fff, 25%); c: lighten(#333, 20%); d: transparentize(blue, .3); e: complement(#6b717f); f: #FFF; g: rgb(255, 255, 255); h: hsl(120, 100%, 50%); }
.s { content: "#{to-upper-case("abc")}"; font-family: unquote("'Helvetica Neue'"), sans-serif; i: str-index("hello", "l"); j: quote(bar); }
"""),
    "comments-unicode": ("scss", """\
/* A block comment */
/*! A loud comment, kept when compressed */
// A silent comment
.quote::before { content: "« » é"; } // non-ASCII output
.arrow:after { content: "\\2192"; }
"""),
    "at-rules": ("scss", """\
@font-face { font-family: "X"; src: url("x.woff2") format("woff2"); }
@keyframes spin { from { transform: rotate(0deg); } to { transform: rotate(360deg); } }
@supports (display: grid) { .g { display: grid; grid-template-columns: repeat(3, 1fr); } }
@media screen and (max-width: 600px) { .a { .b { c: d; } } }
.x { @media print { display: none; } }
a[href^="http"], a[target=_blank] { text-decoration: underline; }
.parent { > .child { x: 1; } ~ .sibling { y: 2; } }
:root { --main-color: #{red}; }
"""),
    "imports": ("scss", """\
@import "partial";
@import "lib/mixins";
@import "indented";
.uses { @include stack(2); color: $partial-color; }
"""),
    # Hugo looks up imports in its assets (the site's over the theme's) before LibSass does, the
    # partial first where both are there, and hands LibSass the file it found, or the import as
    # written (without its quotes) where it found none.
    "theme-imports": ("scss", '@import "themed";\n'),
    "ambiguous-import": ("scss", '@import "both";\n'),
    "imports-with-media": ("scss", """\
@import "partial" screen;
@import "../up" screen;
@import "../../outside" screen;
@import "https://example.org/print" print;
.a { b: c; }
"""),
    "css-imports": ("scss", """\
@import "https://fonts.example.org/css?family=Roboto";
@import "theme.css";
@import url(print.css) print;
.a { b: c; }
"""),
    "indented": ("sass", """\
$c: #333
=bordered($w: 1px)
  border: $w solid $c
.box
  +bordered(2px)
  color: $c
  // silent
  &:hover
    color: red
@import "partial"
"""),
    # sass2scss, which Hugo converts indented sources with, reads the deeper line as a nested property.
    "indented-deeper-line": ("sass", ".a\n  color: red\n    width: 1px\n"),
    "empty": ("scss", ""),
    "only-comments": ("scss", "// nothing but silence\n"),
    "only-comments-indented": ("sass", "// nothing but silence\n"),
}

STYLES = [{}, {"outputStyle": "nested"}, {"outputStyle": "expanded"}, {"outputStyle": "compact"}, {"outputStyle": "compressed"}]

# Options beyond the output style: precision, an includePaths folder (relative to the site, as
# Hugo takes it), and style names as Hugo reads them (any case; an unknown one is nested).
EXTRA = [
    ("math", {"precision": 3}),
    ("math", {"precision": 12, "outputStyle": "compressed"}),
    ("nesting", {"outputStyle": "Compressed"}),
    ("nesting", {"outputStyle": "fancy"}),
    ("include-path", {"includePaths": ["vendor/extra"]}),
    ("include-path", {"includePaths": ["vendor/extra"], "outputStyle": "compressed"}),
]
EXTRA_INPUTS = {"include-path": ("scss", '@import "extra";\n.more { @extend .extra; color: red; }\n')}

ERRORS = {
    "error-undefined-variable": ("scss", ".a {\n  color: red;\n  width: $nope;\n}\n"),
    "error-unclosed-block": ("scss", ".a {\n  color: red;\n"),
    "error-directive": ("scss", "$n: 2;\n@error \"custom #{$n + 1}\";\n"),
    "error-missing-extend": ("scss", ".a { @extend .missing; }\n"),
    "error-units": ("scss", "\n.a { b: 1px + 1em; }\n"),
    "error-import-not-found": ("scss", "@import \"partial\";\n@import \"does-not-exist\";\n"),
    "error-in-partial": ("scss", "@import \"partial\";\n@import \"broken\";\n"),
    "error-indented": ("sass", ".a\n  color: red\n  width: 1px +\n"),
}
SOURCES = {**INPUTS, **EXTRA_INPUTS, **ERRORS}


def cases():
    return [(name, options) for name in INPUTS for options in STYLES] + EXTRA + [(name, {}) for name in ERRORS]


def case_path(number, name):
    return f"assets/sass/case-{number}.{SOURCES[name][0]}"


def go_value(value):
    if isinstance(value, list):
        return "(slice " + " ".join(go_value(item) for item in value) + ")"
    return json.dumps(value)


def layout(cases, failed):
    lines = []
    for number, (name, options) in enumerate(cases):
        if number in failed:
            continue
        asset = case_path(number, name).removeprefix("assets/")
        pairs = " ".join(f'"{key}" {go_value(value)}' for key, value in {"targetPath": f"out/{number}.css", **options}.items())
        lines.append(f'{{{{ (resources.Get "{asset}" | resources.ToCSS (dict {pairs})).RelPermalink }}}}')
    return "\n".join(lines) + "\n"


def hugo_error(stderr, site):
    """The case number, file, line, column and LibSass message of the failure Hugo reports."""
    match = re.search(r'^Error: Error building site: TOCSS: failed to transform "sass/case-(\d+)\.s[ac]ss" '
                      r'\([^)]*\): "([^"\n]*):(\d+):(\d+)": (.*?)\s*\Z', stderr, flags=re.M | re.S)
    if not match:
        sys.exit(f"hugo failed outside the cases:\n{stderr}")
    number, path, line, column, message = match.groups()
    return int(number), {"file": str(pathlib.Path(path).relative_to(site)), "line": int(line), "column": int(column), "message": message}


def run(site, cases):
    failed = {}
    while True:
        (site / "layouts/index.html").write_text(layout(cases, failed))
        shutil.rmtree(site / "public", ignore_errors=True)
        result = subprocess.run(["hugo"], cwd=site, capture_output=True, text=True)
        if result.returncode == 0:
            return failed
        number, error = hugo_error(result.stderr, site)
        if number in failed:
            sys.exit(f"hugo failed again on case {number}:\n{result.stderr}")
        failed[number] = error


def main():
    if "v0.111" not in subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout:
        sys.exit("needs Hugo 0.111 extended")
    all_cases = cases()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        site = pathlib.Path(folder).resolve()
        (site / "config.toml").write_text(CONFIG)
        (site / "layouts").mkdir()
        for path, text in FILES.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(text)
        for number, (name, _) in enumerate(all_cases):
            (site / case_path(number, name)).write_text(SOURCES[name][1])
        failed = run(site, all_cases)
        for number, (name, options) in enumerate(all_cases):
            syntax, source = SOURCES[name]
            case = {"name": name, "path": case_path(number, name), "syntax": syntax, "source": source, "options": options}
            if number in failed:
                case["error"] = failed[number]
            else:
                case["css"] = (site / f"public/out/{number}.css").read_bytes().decode("utf-8").replace(str(site), "{site}")
            results.append(case)
    unexpected = [case["name"] for case in results if ("error" in case) != case["name"].startswith("error-")]
    if unexpected:
        sys.exit(f"unexpected outcome for {unexpected}")
    FIXTURE.write_text(json.dumps({"files": FILES, "assetFolders": ASSET_FOLDERS, "cases": results}, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(results)} cases, {len(failed)} errors -> {FIXTURE}")


if __name__ == "__main__":
    main()
