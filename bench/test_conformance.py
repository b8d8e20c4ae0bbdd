"""Tests of bench/conformance: the normal forms, and the script end to end with stand-in tools.

    python3 -m unittest bench/test_conformance.py      (from the repository root)

Needs html5lib and Pillow (apt-get install -y python3-html5lib python3-pil); not Hugo or SiteGen.
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

sys.dont_write_bytecode = True
BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import conformance_compare as cc  # noqa: E402

from PIL import Image  # noqa: E402  (conformance_compare made it importable or exited)


def html_equal(a, b, keep_comments=True):
    return cc.compare_contents("html", a.encode(), b.encode(), keep_comments=keep_comments)[0]


def page(body, head="<title>t</title>"):
    return f"<!DOCTYPE html><html lang=en><head>{head}</head><body>{body}</body></html>"


class HTMLWhitespace(unittest.TestCase):
    def test_indentation_between_blocks_is_insignificant(self):
        self.assertTrue(html_equal(
            page("<div><p>a</p><p>b</p></div>"),
            page("\n  <div>\n    <p>a</p>\n\n    <p>b</p>\n  </div>\n")))

    def test_runs_of_whitespace_in_text_collapse(self):
        self.assertTrue(html_equal(page("<p>a\n    b\tc</p>"), page("<p>a b c</p>")))

    def test_whitespace_at_block_edges_is_insignificant(self):
        self.assertTrue(html_equal(page("<p>\n  text\n</p>"), page("<p>text</p>")))
        self.assertTrue(html_equal(page("<ul><li>x <ul><li>y</li></ul></li></ul>"),
                                   page("<ul><li>x<ul><li>y</li></ul></li></ul>")))

    def test_whitespace_inside_inline_content_is_significant(self):
        self.assertFalse(html_equal(page("<p>a <b>x</b></p>"), page("<p>a<b>x</b></p>")))
        self.assertFalse(html_equal(page("<p><b>x</b> <i>y</i></p>"),
                                    page("<p><b>x</b><i>y</i></p>")))
        self.assertFalse(html_equal(page("<p><a href=/> Home </a></p>"),
                                    page("<p><a href=/>Home</a></p>")))

    def test_one_space_equals_any_whitespace_inside_inline_content(self):
        self.assertTrue(html_equal(page("<p><b>x</b>\n   <i>y</i></p>"),
                                   page("<p><b>x</b> <i>y</i></p>")))

    def test_no_break_space_is_content(self):
        self.assertFalse(html_equal(page("<p>a&nbsp;b</p>"), page("<p>a b</p>")))

    def test_text_changes_are_differences(self):
        self.assertFalse(html_equal(page("<p>Markdown</p>"), page("<p>Markdwon</p>")))

    def test_character_references_are_decoded(self):
        self.assertTrue(html_equal(page("<p>it&#39;s &amp; &lt;</p>"), page("<p>it's &amp; &lt;</p>")))

    def test_whitespace_between_svg_shapes_is_insignificant(self):
        self.assertTrue(html_equal(page('<p><svg>\n <path d="M0"/>\n</svg></p>'),
                                   page('<p><svg><path d="M0"/></svg></p>')))


class HTMLAttributes(unittest.TestCase):
    def test_attribute_order_is_insignificant(self):
        self.assertTrue(html_equal(page('<a href="/x" title="t" rel="next">x</a>'),
                                   page('<a rel=next title=\'t\' href="/x">x</a>')))

    def test_class_is_a_set_of_tokens(self):
        self.assertTrue(html_equal(page('<div class="b  a\nc">x</div>'),
                                   page('<div class="a b c">x</div>')))
        self.assertFalse(html_equal(page('<div class="a b">x</div>'),
                                    page('<div class="a c">x</div>')))

    def test_other_attribute_values_are_compared_exactly(self):
        self.assertFalse(html_equal(page('<meta name="keywords" content="a, b">'),
                                    page('<meta name="keywords" content="a,b">')))

    def test_missing_attribute_is_a_difference(self):
        self.assertFalse(html_equal(page('<img src="a.png" alt="">'), page('<img src="a.png">')))


class HTMLPre(unittest.TestCase):
    def test_highlighting_markup_inside_pre_is_ignored(self):
        chroma = ('<pre tabindex="0"><code class="language-go" data-lang="go">'
                  '<span class="line"><span class="cl"><span class="kd">func</span> '
                  '<span class="nf">main</span>()\n</span></span></code></pre>')
        plain = '<pre tabindex="0"><code>func main()\n</code></pre>'
        self.assertTrue(html_equal(page(chroma), page(plain)))

    def test_pre_text_is_compared_exactly(self):
        self.assertFalse(html_equal(page("<pre>a  b</pre>"), page("<pre>a b</pre>")))
        self.assertFalse(html_equal(page("<pre>a\n  b</pre>"), page("<pre>a\nb</pre>")))

    def test_chromas_highlighted_block_is_a_plain_pre_of_its_text(self):
        chroma = ('<div class="highlight"><pre tabindex="0" style="color:#f8f8f2"><code class="language-go" data-lang="go">'
                  '<span style="display:flex;"><span>x := 1\n</span></span></code></pre></div>')
        self.assertTrue(html_equal(page(chroma), page('<pre><code class="language-go">x := 1\n</code></pre>')))
        self.assertFalse(html_equal(page(chroma), page('<pre><code class="language-go">x := 2\n</code></pre>')))

    def test_pre_attributes_still_count(self):
        self.assertFalse(html_equal(page('<pre class="x">a</pre>'), page("<pre>a</pre>")))


class HTMLOther(unittest.TestCase):
    def test_comments_are_kept_unless_ignored(self):
        a, b = page("<p>a</p><!-- x --><p>b</p>"), page("<p>a</p><p>b</p>")
        self.assertFalse(html_equal(a, b))
        self.assertTrue(html_equal(a, b, keep_comments=False))

    def test_json_ld_is_compared_as_data(self):
        a = page("", head='<script type="application/ld+json">{"a": 1, "b": [1, 2]}</script>')
        b = page("", head='<script type="application/ld+json">\n{"b":[1,2],"a":1}\n</script>')
        c = page("", head='<script type="application/ld+json">{"a": 2, "b": [1, 2]}</script>')
        self.assertTrue(html_equal(a, b))
        self.assertFalse(html_equal(a, c))

    def test_script_indentation_is_insignificant_but_code_is_not(self):
        a = page("<script>\n  if (x) {\n    y();\n  }\n</script>")
        self.assertTrue(html_equal(a, page("<script>if (x) {\ny();\n}</script>")))
        self.assertFalse(html_equal(a, page("<script>if (x) { y(); }</script>")))

    def test_doctype_counts(self):
        self.assertFalse(html_equal(page("<p>a</p>"), page("<p>a</p>").replace("<!DOCTYPE html>", "")))

    def test_implied_tags_parse_alike(self):
        self.assertTrue(html_equal("<!DOCTYPE html><title>t</title><p>a<p>b",
                                   page("<p>a</p><p>b</p>").replace(" lang=en", "")))

    def test_diff_names_both_sides_and_shows_the_change(self):
        equal, diff = cc.compare_contents("html", page("<p>old</p>").encode(),
                                          page("<p>new</p>").encode(), "hugo/x.html",
                                          "sitegen/x.html")
        self.assertFalse(equal)
        self.assertEqual(diff[:2], ["--- hugo/x.html", "+++ sitegen/x.html"])
        self.assertIn('-      "old"', diff)
        self.assertIn('+      "new"', diff)

    def test_long_lines_are_clipped_around_the_difference(self):
        a = "x" * 1000 + "old" + "y" * 1000
        b = "x" * 1000 + "new" + "y" * 1000
        diff = cc.readable_diff([a], [b], "a", "b", width=80)
        self.assertTrue(any("old" in line and line.startswith("-") for line in diff))
        self.assertTrue(any("new" in line and line.startswith("+") for line in diff))
        self.assertTrue(all(len(line) < 100 for line in diff))


class XMLData(unittest.TestCase):
    def xml_equal(self, a, b):
        return cc.compare_contents("xml", a.encode(), b.encode())[0]

    def test_indentation_declaration_and_attribute_order_are_insignificant(self):
        a = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<rss a="1" b="2">\n  ' \
            '<item>\n    <title> T </title>\n  </item>\n</rss>\n'
        b = '<rss b="2" a="1"><item><title>T</title></item></rss>'
        self.assertTrue(self.xml_equal(a, b))

    def test_namespace_prefixes_are_insignificant(self):
        a = '<r xmlns:atom="http://www.w3.org/2005/Atom"><atom:link href="x"/></r>'
        b = '<r xmlns:a="http://www.w3.org/2005/Atom"><a:link href="x"/></r>'
        self.assertTrue(self.xml_equal(a, b))

    def test_values_order_and_structure_count(self):
        self.assertFalse(self.xml_equal("<u><lastmod>2021-01-20</lastmod></u>",
                                        "<u><lastmod>2021-01-21</lastmod></u>"))
        self.assertFalse(self.xml_equal("<u><a/><b/></u>", "<u><b/><a/></u>"))
        self.assertFalse(self.xml_equal('<u a="1"/>', '<u a="1" b="2"/>'))
        self.assertFalse(self.xml_equal("<u>a b</u>", "<u>a  b</u>"))

    def test_malformed_xml_is_reported_and_compared_as_bytes(self):
        equal, detail = cc.compare_contents("xml", b"<u><a></u>", b"<u><a/></u>", "h", "s")
        self.assertFalse(equal)
        self.assertIn("not well-formed XML", detail[0])


class JSONData(unittest.TestCase):
    def json_equal(self, a, b):
        return cc.compare_contents("json", a.encode(), b.encode())[0]

    def test_key_order_and_formatting_are_insignificant(self):
        self.assertTrue(self.json_equal('{"a":1,"b":[1,2,{"c":"\\u0026"}]}',
                                        '{\n  "b": [1, 2, {"c": "&"}],\n  "a": 1\n}\n'))

    def test_values_and_list_order_count(self):
        self.assertFalse(self.json_equal('{"a":1}', '{"a":2}'))
        self.assertFalse(self.json_equal("[1,2]", "[2,1]"))
        self.assertFalse(self.json_equal('{"a":1}', '{"a":1,"b":null}'))

    def test_invalid_json_is_reported(self):
        equal, detail = cc.compare_contents("json", b"{", b"{}", "h", "s")
        self.assertFalse(equal)
        self.assertIn("not JSON", detail[0])


class Images(unittest.TestCase):
    @staticmethod
    def image(fmt, size, color="red", **save):
        out = io.BytesIO()
        Image.new("RGB", size, color).save(out, fmt, **save)
        return out.getvalue()

    def test_same_format_and_size_is_equal_whatever_the_bytes(self):
        a = self.image("JPEG", (40, 30), "red", quality=90)
        b = self.image("JPEG", (40, 30), "blue", quality=20)
        self.assertNotEqual(a, b)
        self.assertTrue(cc.compare_contents("image", a, b)[0])

    def test_size_or_format_differences_count(self):
        png = self.image("PNG", (40, 30))
        equal, detail = cc.compare_contents("image", png, self.image("PNG", (20, 15)), "h", "s")
        self.assertFalse(equal)
        self.assertIn("-PNG 40x30", detail)
        self.assertIn("+PNG 20x15", detail)
        self.assertFalse(cc.compare_contents("image", png, self.image("GIF", (40, 30)))[0])

    def test_unreadable_image_is_a_difference(self):
        png = self.image("PNG", (4, 4))
        equal, detail = cc.compare_contents("image", png, png[:20], "h", "s")
        self.assertFalse(equal)
        self.assertIn("not a readable image", detail[0])


class BytesAndKinds(unittest.TestCase):
    def test_kind_by_extension(self):
        self.assertEqual([cc.kind_of(p) for p in
                          ["a/index.html", "x.HTM", "sitemap.xml", "index.json", "p.JPG", "p.webp",
                           "main.css", "robots.txt", "main.css.map"]],
                         ["html", "html", "xml", "json", "image", "image", "bytes", "bytes", "bytes"])

    def test_other_files_compare_byte_for_byte(self):
        self.assertTrue(cc.compare_contents("bytes", b"a b\n", b"a b\n")[0])
        equal, detail = cc.compare_contents("bytes", b"body{}\n", b"body{} \n", "h", "s")
        self.assertFalse(equal)
        self.assertIn("first difference at byte 6", detail[0])


def write_tool(folder, name, script):
    """A stand-in for hugo or sitegen: a shell script that finds --destination and runs `script`."""
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n"
                '[ "$1" = --version ] || [ "$1" = version ] && { echo "%s 1.0"; exit 0; }\n'
                'while [ $# -gt 0 ]; do [ "$1" = --destination ] && dst=$2; shift; done\n'
                'mkdir -p "$dst" && cd "$dst" || exit 9\n' % name + textwrap.dedent(script))
    os.chmod(path, 0o755)
    return path


class Script(unittest.TestCase):
    """bench/conformance end to end, with shell scripts standing in for both generators."""

    HUGO = """\
        printf '<!DOCTYPE html><html><head><title>t</title></head><body><p>a</p></body></html>' > index.html
        printf '<urlset><url><loc>x</loc></url></urlset>' > sitemap.xml
        printf 'User-agent: *\\n' > robots.txt
        """

    def run_script(self, sitegen_script, *extra):
        with tempfile.TemporaryDirectory() as tmp:
            site = os.path.join(tmp, "site")
            os.makedirs(os.path.join(site, "content"))
            with open(os.path.join(site, "config.toml"), "w") as f:
                f.write('title = "t"\n')
            hugo = write_tool(tmp, "hugo", self.HUGO)
            sitegen = write_tool(tmp, "sitegen", sitegen_script)
            done = subprocess.run([sys.executable, os.path.join(BENCH, "conformance"), site,
                                   "--hugo", hugo, "--sitegen", sitegen, "--jobs", "1"] +
                                  list(extra), capture_output=True, text=True, timeout=120)
            return done

    def test_same_output_in_other_formatting_conforms(self):
        done = self.run_script("""\
            printf '<!DOCTYPE html>\\n<html>\\n<head>\\n  <title>t</title>\\n</head>\\n<body>\\n  <p>a</p>\\n</body>\\n</html>\\n' > index.html
            printf '<?xml version="1.0"?>\\n<urlset>\\n  <url>\\n    <loc>x</loc>\\n  </url>\\n</urlset>\\n' > sitemap.xml
            printf 'User-agent: *\\n' > robots.txt
            """)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertIn("CONFORMS: 3 of 3 Hugo files identical", done.stdout)

    def test_differences_missing_and_extra_files_are_counted(self):
        done = self.run_script("""\
            printf '<!DOCTYPE html><html><head><title>t</title></head><body><p>b</p></body></html>' > index.html
            printf 'User-agent: *\\n' > robots.txt
            printf 'x' > extra.txt
            echo 'sitegen: something went wrong' >&2
            exit 3
            """, "--json")
        self.assertEqual(done.returncode, 1, done.stderr)
        report = json.loads(done.stdout)
        self.assertEqual(report["counts"], {"hugo_files": 3, "sitegen_files": 3, "identical": 1,
                                            "different": 1, "missing": 1, "extra": 1})
        self.assertEqual(report["different"][0]["path"], "index.html")
        self.assertIn('+      "b"', report["different"][0]["diff"])
        self.assertEqual(report["missing"], ["sitemap.xml"])
        self.assertEqual(report["extra"], ["extra.txt"])
        self.assertFalse(report["builds"]["sitegen"]["ok"])
        self.assertEqual(report["builds"]["sitegen"]["exit"], 3)
        self.assertIn("sitegen: something went wrong", report["builds"]["sitegen"]["stderr_tail"])
        self.assertFalse(report["conforms"])

    def test_keep_keeps_both_trees(self):
        with tempfile.TemporaryDirectory() as keep:
            done = self.run_script(self.HUGO, "--keep", keep)
            self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
            for tool in ("hugo", "sitegen"):
                self.assertTrue(os.path.isfile(os.path.join(keep, tool, "index.html")))
            done = self.run_script(self.HUGO, "--keep", keep)  # a second run replaces them
            self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

    def test_usage_errors_exit_2(self):
        done = subprocess.run([sys.executable, os.path.join(BENCH, "conformance"),
                               "/nonexistent-site"], capture_output=True, text=True)
        self.assertEqual(done.returncode, 2)
        self.assertIn("not a folder", done.stderr)
        done = subprocess.run([sys.executable, os.path.join(BENCH, "conformance")],
                              capture_output=True, text=True)
        self.assertEqual(done.returncode, 2)


if __name__ == "__main__":
    unittest.main()
