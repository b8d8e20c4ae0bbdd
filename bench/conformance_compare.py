"""Normalise and compare one output file of Hugo with the same file of SiteGen.

Used by bench/conformance (which builds the site with both tools) and by
bench/test_conformance.py. Each kind of file is turned into a list of lines, its normal form,
so that two files are equal when their normal forms are, and a unified diff of the normal forms
says how they differ:

- HTML: parsed with html5lib (the HTML5 parsing algorithm, as a browser does), then printed one
  node a line, indented by depth. Whitespace that a browser does not render is dropped (see
  `_html_children`), attributes are sorted, `class` is a set of tokens, `<pre>` is its text,
  and Chroma's code blocks (`<div class="highlight">`, `<pre tabindex="0">`) are a plain `<pre>`
  of their text: highlighting is not compared.
- XML: parsed, printed as data: tags, sorted attributes, text stripped of surrounding whitespace.
- JSON: parsed, printed with sorted keys.
- Images: format and pixel size (Pillow).
- Anything else: the bytes.

Nothing here knows which side is which: compare_file(a, b) is symmetric.
"""

import difflib
import hashlib
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HTML_EXTENSIONS = {".html", ".htm"}
XML_EXTENSIONS = {".xml"}
JSON_EXTENSIONS = {".json"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def _import_dependencies():
    """Import html5lib and Pillow, or exit with the command that installs them.

    The script is meant for Debian's /usr/bin/python3 with python3-html5lib and python3-pil. Run
    by another Python of the same version (pyenv's python3, say), it falls back to Debian's
    dist-packages folder rather than failing, since those packages fit any CPython 3 of the same
    minor version.
    """
    try:
        import html5lib
        import PIL.Image
    except ImportError:
        debian = "/usr/lib/python3/dist-packages"
        if os.path.isdir(debian) and debian not in sys.path:
            sys.path.append(debian)
        try:
            import html5lib
            import PIL.Image
        except ImportError as error:
            sys.stderr.write(
                f"conformance: missing Python package ({error}).\n"
                "Install them with:  apt-get install -y python3-html5lib python3-pil\n"
                "and run with Debian's /usr/bin/python3.\n")
            sys.exit(2)
    return html5lib, PIL.Image


html5lib, PILImage = _import_dependencies()


def kind_of(path):
    """The comparison used for a path: html, xml, json, image or bytes (by extension)."""
    ext = os.path.splitext(path)[1].lower()
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in XML_EXTENSIONS:
        return "xml"
    if ext in JSON_EXTENSIONS:
        return "json"
    if ext in IMAGE_EXTENSIONS:
        return "image"
    return "bytes"


# ---------------------------------------------------------------------------------------------
# HTML

# Elements around which a browser drops whitespace (CSS `display` other than inline, or not
# rendered at all): whitespace at the start or end of their content, and next to them among their
# siblings, is not shown. Any other element, known or not, counts as inline, where whitespace is
# kept (collapsed to one space): unknown elements can only make more differences, never hide one.
BLOCK_ELEMENTS = frozenset("""
    html head body title meta link base style script noscript template
    address article aside blockquote details dialog dd div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary ul
    table caption colgroup col thead tbody tfoot tr td th legend option optgroup br source track
""".split())

# Elements whose text is compared as it is (whitespace included) instead of as markup.
VERBATIM_ELEMENTS = frozenset({"pre", "textarea"})
# Elements whose text is code: compared line by line, each line stripped, blank lines dropped.
CODE_ELEMENTS = frozenset({"script", "style"})

NAMESPACE_PREFIXES = {
    "http://www.w3.org/1999/xhtml": "",
    "http://www.w3.org/2000/svg": "svg:",
    "http://www.w3.org/1998/Math/MathML": "math:",
    "http://www.w3.org/1999/xlink": "xlink:",
    "http://www.w3.org/XML/1998/namespace": "xml:",
    "http://www.w3.org/2000/xmlns/": "xmlns:",
}

_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")  # not U+00A0: a no-break space is content


SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# SVG elements whose text is drawn; in any other SVG element whitespace-only text is not.
SVG_TEXT_ELEMENTS = frozenset({"text", "tspan", "textPath"})


def _local_name(name):
    """'{ns}local' from html5lib's etree to 'local', 'svg:local', ... (names are case-folded)."""
    if name.startswith("{"):
        ns, local = name[1:].split("}", 1)
        if ns == "http://www.w3.org/2000/xmlns/" and local == "xmlns":
            return "xmlns"
        return NAMESPACE_PREFIXES.get(ns, "{" + ns + "}") + local
    return name


def _is_svg_container(node):
    """An SVG element other than a text element: whitespace-only text in it is not rendered."""
    return isinstance(node.tag, str) and node.tag.startswith("{" + SVG_NAMESPACE + "}") and \
        node.tag.split("}", 1)[1] not in SVG_TEXT_ELEMENTS


def _quote(text):
    return json.dumps(text, ensure_ascii=False)


def _attributes(element):
    """Attributes as sorted `name="value"` strings; `class` as its sorted set of tokens."""
    items = []
    for name, value in element.attrib.items():
        name = _local_name(name)
        if name == "class":
            value = " ".join(sorted(set(value.split())))
        items.append(f"{name}={_quote(value)}")
    return sorted(items)


def _is_comment(node):
    return node.tag is ET.Comment


def _is_block(node):
    return isinstance(node, ET.Element) and not _is_comment(node) and \
        _local_name(node.tag) in BLOCK_ELEMENTS


def _html_children(element, keep_comments):
    """The element's content as a list of text strings and child elements, whitespace normalised.

    Runs of HTML whitespace collapse to one space, then whitespace is removed where a browser
    does not render it: at the start and end of a block element's content, and before and after
    a block element; text left empty is dropped; whitespace-only text between SVG shapes is
    dropped too. So `<div>\\n  <p>` equals `<div><p>` and `a\\n  b` equals `a b`, but
    `a <b>x</b>` and `a<b>x</b>` stay different (inline content).
    """
    raw = []
    if element.text:
        raw.append(element.text)
    for child in element:
        if keep_comments or not _is_comment(child):
            raw.append(child)
        if child.tail:
            raw.append(child.tail)
    # Merge adjacent strings (a dropped comment leaves two).
    merged = []
    for item in raw:
        if isinstance(item, str) and merged and isinstance(merged[-1], str):
            merged[-1] += item
        else:
            merged.append(item)

    parent_is_block = _is_block(element) or element.tag == "DOCUMENT_ROOT"
    in_svg = _is_svg_container(element)
    result = []
    for index, item in enumerate(merged):
        if not isinstance(item, str):
            result.append(item)
            continue
        text = _HTML_WHITESPACE.sub(" ", item)
        if in_svg and text == " ":
            continue
        before = merged[index - 1] if index > 0 else None
        after = merged[index + 1] if index + 1 < len(merged) else None
        if (before is None and parent_is_block) or _is_block(before):
            text = text.lstrip(" ")
        if (after is None and parent_is_block) or _is_block(after):
            text = text.rstrip(" ")
        if text:
            result.append(text)
    return result


def _code_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def _script_lines(element, depth):
    """A script's or style's text: JSON data for JSON scripts (JSON-LD), else its code lines."""
    text = "".join(element.itertext())
    pad = "  " * depth
    script_type = element.get("type", "").strip().lower()
    if script_type in ("application/ld+json", "application/json", "importmap"):
        try:
            data = json.loads(text)
        except ValueError:
            pass
        else:
            pretty = json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False)
            return [pad + "{json} " + line for line in pretty.splitlines()]
    return [pad + "| " + line for line in _code_lines(text)]


def _html_node_lines(node, depth, keep_comments, lines):
    pad = "  " * depth
    if _is_comment(node):
        lines.append(pad + "<!--" + (node.text or "") + "-->")
        return
    tag = node.tag
    if tag == "<!DOCTYPE>":
        public, system = node.get("publicId") or "", node.get("systemId") or ""
        ids = (f' PUBLIC {_quote(public)} {_quote(system)}') if public or system else ""
        lines.append(pad + f"<!DOCTYPE {node.text or ''}{ids}>")
        return
    if not isinstance(tag, str):  # a processing instruction: html5lib makes none
        return
    name = _local_name(tag)
    if _is_highlighted(node, name):
        # Highlighted code is its text only, as a plain `<pre>`: highlighting (Chroma's
        # `<div class="highlight">` and the `<pre>` inside) is the authoring issue's.
        lines.append(pad + "<pre>")
        text = "".join(node.itertext())
        lines.extend(pad + "  | " + _quote(line)[1:-1] for line in text.split("\n"))
        return
    lines.append(pad + "<" + " ".join([name] + _attributes(node)) + ">")
    if name in VERBATIM_ELEMENTS:
        text = "".join(node.itertext())
        lines.extend(pad + "  | " + _quote(line)[1:-1] for line in text.split("\n"))
    elif name in CODE_ELEMENTS:
        lines.extend(_script_lines(node, depth + 1))
    else:
        for child in _html_children(node, keep_comments):
            if isinstance(child, str):
                lines.append(pad + "  " + _quote(child))
            else:
                _html_node_lines(child, depth + 1, keep_comments, lines)


def _is_highlighted(node, name):
    """Chroma's `<div class="highlight">` around a code block, or its `<pre tabindex="0">`."""
    if name == "pre":
        return node.get("tabindex") == "0"
    return name == "div" and "highlight" in (node.get("class") or "").split()


def parse_html(data):
    """Parse bytes (or str) as an HTML5 document into an ElementTree whose root is the document.

    html5lib detects the encoding of bytes as a browser does (BOM, <meta charset>, else
    windows-1252); character references are decoded, so `&#39;` equals `'`.
    """
    builder = html5lib.getTreeBuilder("etree", fullTree=True)
    parser = html5lib.HTMLParser(tree=builder, namespaceHTMLElements=False)
    return parser.parse(data)


def normalise_html(data, keep_comments=True):
    """The normal form of an HTML document: one line per element, text or comment, indented."""
    lines = []
    document = parse_html(data)
    for child in _html_children(document, keep_comments):
        if isinstance(child, str):
            lines.append(_quote(child))  # text before <html> (html5lib moves it into <body>)
        else:
            _html_node_lines(child, 0, keep_comments, lines)
    return lines


# ---------------------------------------------------------------------------------------------
# XML, JSON, images


def normalise_xml(data):
    """The normal form of an XML document as data: element tree, attributes sorted, text stripped.

    The XML declaration, comments, processing instructions and namespace prefixes are not data
    and are ignored (an element is named by its namespace URI and local name). Raises ValueError
    when the document is not well-formed.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise ValueError(f"not well-formed XML: {error}") from None
    lines = []

    def walk(element, depth):
        pad = "  " * depth
        attributes = [f"{name}={_quote(value)}" for name, value in sorted(element.attrib.items())]
        lines.append(pad + "<" + " ".join([element.tag] + attributes) + ">")
        text = (element.text or "").strip()
        if text:
            lines.append(pad + "  " + _quote(text))
        for child in element:
            walk(child, depth + 1)
            tail = (child.tail or "").strip()
            if tail:
                lines.append(pad + "  " + _quote(tail))

    walk(root, 0)
    return lines


def normalise_json(data):
    """The normal form of a JSON document: its data printed with sorted keys, one value a line.

    Raises ValueError when it is not JSON.
    """
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"not JSON: {error}") from None
    return json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False).splitlines()


def normalise_image(data):
    """An image's normal form: its format and pixel size, e.g. ['PNG 1200x630'].

    Resized or re-encoded images differ in bytes between tools without being wrong; their format
    and size are what a page depends on. Raises ValueError when Pillow cannot read the image.
    """
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            width, height = image.size
            return [f"{image.format} {width}x{height}"]
    except Exception as error:  # Pillow raises several kinds for broken files
        raise ValueError(f"not a readable image: {error}") from None


# ---------------------------------------------------------------------------------------------
# Comparing two files

def normal_form(kind, data, keep_comments=True):
    """The normal form (list of lines) of file content of the given kind; ValueError if unreadable."""
    if kind == "html":
        return normalise_html(data, keep_comments)
    if kind == "xml":
        return normalise_xml(data)
    if kind == "json":
        return normalise_json(data)
    if kind == "image":
        return normalise_image(data)
    raise ValueError(f"no normal form for {kind}")


_INDENT = re.compile(r" *(?:\{json\} *|\| )?")  # indentation and the marker of a code line


def _split_indent(line):
    indent = _INDENT.match(line).group()
    return indent, line[len(indent):]


def _clip(line, start, width):
    """`width` characters of a diff line's text from `start`, its indentation kept, cuts marked '…'."""
    indent, body = _split_indent(line)
    if len(body) <= width:
        return line
    start = min(start, len(body))
    return indent + ("…" if start > 0 else "") + body[start:start + width] + \
        ("…" if start + width < len(body) else "")


def _first_difference(a, b):
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def readable_diff(a_lines, b_lines, a_name, b_name, max_lines=30, width=160):
    """The first `max_lines` lines of a unified diff, long lines clipped around the difference.

    A removed line followed by an added one is clipped in the same window, around their first
    differing character, so that a difference deep in a long line (a paragraph, minified CSS)
    stays visible.
    """
    diff = list(difflib.unified_diff(a_lines, b_lines, a_name, b_name, n=2, lineterm=""))
    out = []
    for i, line in enumerate(diff[:max_lines]):
        start = 0
        if len(line) > width and line[:1] in "-+" and not line.startswith(("---", "+++")):
            other = None
            if line[0] == "-" and i + 1 < len(diff) and diff[i + 1][:1] == "+":
                other = diff[i + 1]
            elif line[0] == "+" and i > 0 and diff[i - 1][:1] == "-":
                other = diff[i - 1]
            if other is not None:
                body, other_body = _split_indent(line[1:])[1], _split_indent(other[1:])[1]
                start = max(0, _first_difference(body, other_body) - width // 3)
            line = line[0] + _clip(line[1:], start, width)
        out.append(line)
    if len(diff) > max_lines:
        out.append(f"… ({len(diff) - max_lines} more diff lines)")
    return out


def _bytes_detail(a, b, a_name, b_name, max_lines):
    """What differs between two byte strings: sizes, first differing offset, a text diff if text."""
    offset = _first_difference(a, b)
    detail = [f"bytes differ: {len(a)} vs {len(b)} bytes, first difference at byte {offset}"]
    try:
        a_text, b_text = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        detail.append(f"sha256 {hashlib.sha256(a).hexdigest()[:16]} vs "
                      f"{hashlib.sha256(b).hexdigest()[:16]}")
        return detail
    return detail + readable_diff(a_text.splitlines(), b_text.splitlines(), a_name, b_name,
                                  max_lines)


def compare_contents(kind, a, b, a_name="a", b_name="b", keep_comments=True, max_lines=30):
    """Compare two file contents of one kind. Returns (equal, detail lines).

    Identical bytes are equal without parsing. Content that cannot be parsed on either side is
    compared byte for byte, and the detail says which side failed to parse.
    """
    if a == b:
        return True, []
    if kind == "bytes":
        return False, _bytes_detail(a, b, a_name, b_name, max_lines)
    errors = []
    forms = []
    for name, data in ((a_name, a), (b_name, b)):
        try:
            forms.append(normal_form(kind, data, keep_comments))
        except ValueError as error:
            errors.append(f"{name}: {error}")
    if errors:
        return False, errors + _bytes_detail(a, b, a_name, b_name, max_lines)
    if forms[0] == forms[1]:
        return True, []
    return False, readable_diff(forms[0], forms[1], a_name, b_name, max_lines)


def compare_file(job):
    """Compare one relative path under two roots (a tuple, for a process pool's map).

    job = (relative path, root a, root b, keep_comments, max_lines, name a, name b). Returns
    (path, kind, equal, detail lines).
    """
    path, root_a, root_b, keep_comments, max_lines, name_a, name_b = job
    kind = kind_of(path)
    with open(os.path.join(root_a, path), "rb") as f:
        a = f.read()
    with open(os.path.join(root_b, path), "rb") as f:
        b = f.read()
    equal, detail = compare_contents(kind, a, b, f"{name_a}/{path}", f"{name_b}/{path}",
                                     keep_comments, max_lines)
    return path, kind, equal, detail


# The record of what a SiteGen build wrote (so the next one deletes only its own files): not output.
BUILD_RECORDS = {".sitegen-manifest.json"}


def list_files(root):
    """Every file under root (following no symlinked folders), as sorted relative '/' paths,
    without SiteGen's build record."""
    found = []
    if not os.path.isdir(root):
        return found
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in files:
            full = os.path.join(folder, name)
            path = os.path.relpath(full, root).replace(os.sep, "/")
            if path not in BUILD_RECORDS:
                found.append(path)
    return sorted(found)
