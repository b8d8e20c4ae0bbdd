/// The templates Hugo has built in, which a site's own files of the same name replace: the RSS
/// feed, the sitemaps, `robots.txt` and the alias redirect page. Written for SiteGen to print
/// what Hugo 0.111's print.
enum EmbeddedLayouts {
    static var all: [HugoLayouts.Source] {
        [
            source("_internal/_default/rss.xml", rss),
            source("_internal/_default/sitemap.xml", sitemap),
            source("_internal/_default/sitemapindex.xml", sitemapIndex),
            source("_internal/_default/robots.txt", "User-agent: *"),
            source("_internal/alias.html", alias),
            source("_internal/opengraph.html", openGraph),
            source("_internal/twitter_cards.html", twitterCards),
            source("_internal/schema.html", schema),
        ]
    }

    private static func source(_ name: String, _ text: String) -> HugoLayouts.Source {
        HugoLayouts.Source(name: name, text: text + "\n", file: "(built in) " + name)
    }

    /// The feed of a list page: a section's or the home page's regular pages (the site's for the
    /// home page), a taxonomy's terms or a term's pages, newest first, at most `rssLimit`.
    private static let rss = #"""
    {{- $source := . -}}
    {{- if .IsHome -}}{{ $source = .Site }}{{- end -}}
    {{- $pages := slice -}}
    {{- if or .IsHome .IsSection -}}{{ $pages = $source.RegularPages }}{{- else -}}{{ $pages = $source.Pages }}{{- end -}}
    {{- $limit := .Site.Config.Services.RSS.Limit -}}
    {{- if ge $limit 1 -}}{{ $pages = first $limit $pages }}{{- end -}}
    {{- printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
    <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
      <channel>
        <title>{{ if eq .Title .Site.Title }}{{ .Site.Title }}{{ else }}{{ with .Title }}{{ . }} on {{ end }}{{ .Site.Title }}{{ end }}</title>
        <link>{{ .Permalink }}</link>
        <description>Recent content {{ if ne .Title .Site.Title }}{{ with .Title }}in {{ . }} {{ end }}{{ end }}on {{ .Site.Title }}</description>
        <generator>Hugo -- gohugo.io</generator>{{ with .Site.LanguageCode }}
        <language>{{ . }}</language>{{ end }}{{ with .Site.Author.email }}
        <managingEditor>{{ . }}{{ with $.Site.Author.name }} ({{ . }}){{ end }}</managingEditor>{{ end }}{{ with .Site.Author.email }}
        <webMaster>{{ . }}{{ with $.Site.Author.name }} ({{ . }}){{ end }}</webMaster>{{ end }}{{ with .Site.Copyright }}
        <copyright>{{ . }}</copyright>{{ end }}{{ if not .Date.IsZero }}
        <lastBuildDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</lastBuildDate>{{ end }}
        {{- with .OutputFormats.Get "RSS" -}}
        {{ printf "<atom:link href=%q rel=\"self\" type=%q />" .Permalink .MediaType.Type | safeHTML }}
        {{- end -}}
        {{ range $pages }}
        <item>
          <title>{{ .Title }}</title>
          <link>{{ .Permalink }}</link>
          <pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
          {{ with .Site.Author.email }}<author>{{ . }}{{ with $.Site.Author.name }} ({{ . }}){{ end }}</author>{{ end }}
          <guid>{{ .Permalink }}</guid>
          <description>{{ .Summary | html }}</description>
        </item>
        {{ end }}
      </channel>
    </rss>
    """#

    /// Every page of a language, with its translations as alternates.
    private static let sitemap = #"""
    {{ printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:xhtml="http://www.w3.org/1999/xhtml">
      {{ range .Data.Pages }}
        {{- if .Permalink -}}
      <url>
        <loc>{{ .Permalink }}</loc>{{ if not .Lastmod.IsZero }}
        <lastmod>{{ safeHTML (.Lastmod.Format "2006-01-02T15:04:05-07:00") }}</lastmod>{{ end }}{{ with .Sitemap.ChangeFreq }}
        <changefreq>{{ . }}</changefreq>{{ end }}{{ if ge .Sitemap.Priority 0.0 }}
        <priority>{{ .Sitemap.Priority }}</priority>{{ end }}{{ if .IsTranslated }}{{ range .Translations }}
        <xhtml:link
                    rel="alternate"
                    hreflang="{{ .Language.Lang }}"
                    href="{{ .Permalink }}"
                    />{{ end }}
        <xhtml:link
                    rel="alternate"
                    hreflang="{{ .Language.Lang }}"
                    href="{{ .Permalink }}"
                    />{{ end }}
      </url>
        {{- end -}}
      {{ end }}
    </urlset>
    """#

    /// The index of the languages' sitemaps, at the root of a multilingual site.
    private static let sitemapIndex = #"""
    {{ printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      {{ range .Sites }}
      <sitemap>
        <loc>{{ .Home.Permalink }}sitemap.xml</loc>
        {{ if not .LastChange.IsZero }}
          <lastmod>{{ .LastChange.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</lastmod>
        {{ end }}
      </sitemap>
      {{ end }}
    </sitemapindex>
    """#

    private static let alias = #"""
    <!DOCTYPE html>
    <html{{ with site.LanguageCode | default site.Language.Lang }} lang="{{ . }}"{{ end }}>
      <head>
        <title>{{ .Permalink }}</title>
        <link rel="canonical" href="{{ .Permalink }}">
        <meta name="robots" content="noindex">
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="0; url={{ .Permalink }}">
      </head>
    </html>
    """#

    /// What a page's description is in its share tags: its own, else its summary (pages) or the site's.
    private static let shareDescription = #"{{ with .Description }}{{ . }}{{ else }}{{ if .IsPage }}{{ .Summary }}{{ else }}{{ with .Site.Params.description }}{{ . }}{{ end }}{{ end }}{{ end }}"#

    /// The page's `images`, else its bundle's `*feature*` (or `*cover*`, `*thumbnail*`) image, else the site's `images`.
    private static func shareImages(many: String, one: String, site: String) -> String {
        #"""
        {{- with $.Params.images -}}
        \#(many)
        {{- else -}}
        {{- $images := $.Resources.ByType "image" -}}
        {{- $featured := $images.GetMatch "*feature*" -}}
        {{- if not $featured }}{{ $featured = $images.GetMatch "{*cover*,*thumbnail*}" }}{{ end -}}
        {{- with $featured -}}
        \#(one)
        {{- else -}}
        \#(site)
        {{- end -}}
        {{- end -}}
        """#
    }

    private static let openGraph = #"""
    <meta property="og:title" content="{{ .Title }}" />
    <meta property="og:description" content="\#(shareDescription)" />
    <meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}" />
    <meta property="og:url" content="{{ .Permalink }}" />
    \#(shareImages(
        many: #"{{- range first 6 . }}<meta property="og:image" content="{{ . | absURL }}" />{{ end -}}"#,
        one: #"<meta property="og:image" content="{{ $featured.Permalink }}"/>"#,
        site: #"{{- with $.Site.Params.images }}<meta property="og:image" content="{{ index . 0 | absURL }}"/>{{ end -}}"#))

    {{- if .IsPage }}
    {{- $iso8601 := "2006-01-02T15:04:05-07:00" -}}
    <meta property="article:section" content="{{ .Section }}" />
    {{ with .PublishDate }}<meta property="article:published_time" {{ .Format $iso8601 | printf "content=%q" | safeHTMLAttr }} />{{ end }}
    {{ with .Lastmod }}<meta property="article:modified_time" {{ .Format $iso8601 | printf "content=%q" | safeHTMLAttr }} />{{ end }}
    {{- end -}}

    {{- with .Params.audio }}<meta property="og:audio" content="{{ . }}" />{{ end }}
    {{- with .Params.locale }}<meta property="og:locale" content="{{ . }}" />{{ end }}
    {{- with .Site.Params.title }}<meta property="og:site_name" content="{{ . }}" />{{ end }}
    {{- with .Params.videos }}{{- range . }}
    <meta property="og:video" content="{{ . | absURL }}" />
    {{ end }}{{ end }}

    {{- /* The other pages of the series this page is in. */}}
    {{- $permalink := .Permalink }}
    {{- $siteSeries := .Site.Taxonomies.series }}
    {{- if $siteSeries }}
    {{ with .Params.series }}{{- range $name := . }}
      {{- $series := index $siteSeries ($name | urlize) }}
      {{- range $page := first 6 $series.Pages }}
        {{- if ne $page.Permalink $permalink }}<meta property="og:see_also" content="{{ $page.Permalink }}" />{{ end }}
      {{- end }}
    {{ end }}{{ end }}
    {{- end }}

    {{- with .Site.Social.facebook_admin }}<meta property="fb:admins" content="{{ . }}" />{{ end }}
    """#

    private static let twitterCards = #"""
    {{- with $.Params.images -}}
    <meta name="twitter:card" content="summary_large_image"/>
    <meta name="twitter:image" content="{{ index . 0 | absURL }}"/>
    {{ else -}}
    {{- $images := $.Resources.ByType "image" -}}
    {{- $featured := $images.GetMatch "*feature*" -}}
    {{- if not $featured }}{{ $featured = $images.GetMatch "{*cover*,*thumbnail*}" }}{{ end -}}
    {{- with $featured -}}
    <meta name="twitter:card" content="summary_large_image"/>
    <meta name="twitter:image" content="{{ $featured.Permalink }}"/>
    {{- else -}}
    {{- with $.Site.Params.images -}}
    <meta name="twitter:card" content="summary_large_image"/>
    <meta name="twitter:image" content="{{ index . 0 | absURL }}"/>
    {{ else -}}
    <meta name="twitter:card" content="summary"/>
    {{- end -}}
    {{- end -}}
    {{- end }}
    <meta name="twitter:title" content="{{ .Title }}"/>
    <meta name="twitter:description" content="\#(shareDescription)"/>
    {{ with .Site.Social.twitter -}}
    <meta name="twitter:site" content="@{{ . }}"/>
    {{ end -}}
    """#

    private static let schema = #"""
    <meta itemprop="name" content="{{ .Title }}">
    <meta itemprop="description" content="\#(shareDescription)">

    {{- if .IsPage -}}
    {{- $iso8601 := "2006-01-02T15:04:05-07:00" -}}
    {{ with .PublishDate }}<meta itemprop="datePublished" {{ .Format $iso8601 | printf "content=%q" | safeHTMLAttr }} />{{ end }}
    {{ with .Lastmod }}<meta itemprop="dateModified" {{ .Format $iso8601 | printf "content=%q" | safeHTMLAttr }} />{{ end }}
    <meta itemprop="wordCount" content="{{ .WordCount }}">
    \#(shareImages(
        many: #"{{- range first 6 . -}}<meta itemprop="image" content="{{ . | absURL }}">{{ end -}}"#,
        one: #"<meta itemprop="image" content="{{ $featured.Permalink }}">"#,
        site: #"{{- with $.Site.Params.images -}}<meta itemprop="image" content="{{ index . 0 | absURL }}"/>{{ end -}}"#))

    <!-- Output all taxonomies as schema.org keywords -->
    <meta itemprop="keywords" content="{{ if .IsPage }}{{ range $index, $tag := .Params.tags }}{{ $tag }},{{ end }}{{ else }}{{ range $plural, $terms := .Site.Taxonomies }}{{ range $term, $val := $terms }}{{ printf "%s," $term }}{{ end }}{{ end }}{{ end }}" />
    {{- end -}}
    """#
}
