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
            source("_internal/google_analytics.html", googleAnalytics),
            source("_internal/google_analytics_async.html", googleAnalyticsAsync),
            source("_internal/disqus.html", disqus),
            source("_internal/pagination.html", pagination),
            source("_internal/shortcodes/figure.html", figure),
            source("_internal/shortcodes/youtube.html", youtube),
            source("_internal/shortcodes/vimeo.html", vimeo),
            source("_internal/shortcodes/param.html", param),
            source("_internal/shortcodes/gist.html", #"<script type="application/javascript" src="https://gist.github.com/{{ index .Params 0 }}/{{ index .Params 1 }}.js{{if len .Params | eq 3 }}?file={{ index .Params 2 }}{{end}}"></script>"#),
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
        <loc>{{ absURL (printf "%s/sitemap.xml" .Language.Lang) }}</loc>
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

    /// `navigator.doNotTrack` honoured when `privacy.googleAnalytics.respectDoNotTrack` says so.
    private static let doNotTrack = #"""
    {{- define "__ga_js_set_doNotTrack" -}}
    {{- $pc := .Site.Config.Privacy.GoogleAnalytics -}}
    {{- if not $pc.RespectDoNotTrack -}}
    var doNotTrack = false;
    {{- else -}}
    var dnt = (navigator.doNotTrack || window.doNotTrack || navigator.msDoNotTrack);
    var doNotTrack = (dnt == "1" || dnt == "yes");
    {{- end -}}
    {{- end -}}
    """#

    /// The `ga(…)` calls both analytics templates make, with session storage and IP anonymising when configured.
    private static let analyticsCalls = #"""
    	{{- if $pc.UseSessionStorage }}
    	if (window.sessionStorage) {
    		var GA_SESSION_STORAGE_KEY = 'ga:clientId';
    		ga('create', '{{ . }}', {
    	    'storage': 'none',
    	    'clientId': sessionStorage.getItem(GA_SESSION_STORAGE_KEY)
    	   });
    	   ga(function(tracker) {
    	    sessionStorage.setItem(GA_SESSION_STORAGE_KEY, tracker.get('clientId'));
    	   });
       }
    	{{ else }}
    	ga('create', '{{ . }}', 'auto');
    	{{ end -}}
    	{{ if $pc.AnonymizeIP }}ga('set', 'anonymizeIp', true);{{ end }}
    	ga('send', 'pageview');
    """#

    /// gtag.js for `G-` measurement ids, analytics.js for `UA-` ones.
    private static let googleAnalytics = #"""
    {{- $pc := .Site.Config.Privacy.GoogleAnalytics -}}
    {{- if not $pc.Disable }}{{ with .Site.GoogleAnalytics -}}
    {{ if hasPrefix . "G-"}}
    <script async src="https://www.googletagmanager.com/gtag/js?id={{ . }}"></script>
    <script>
    {{ template "__ga_js_set_doNotTrack" $ }}
    if (!doNotTrack) {
    	window.dataLayer = window.dataLayer || [];
    	function gtag(){dataLayer.push(arguments);}
    	gtag('js', new Date());
    	gtag('config', '{{ . }}', { 'anonymize_ip': {{- $pc.AnonymizeIP -}} });
    }
    </script>
    {{ else if hasPrefix . "UA-" }}
    <script type="application/javascript">
    {{ template "__ga_js_set_doNotTrack" $ }}
    if (!doNotTrack) {
    	(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){
    	(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),
    	m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)
    	})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');
    \#(analyticsCalls)
    }
    </script>
    {{- end -}}
    {{- end }}{{ end -}}

    \#(doNotTrack)
    """#

    private static let googleAnalyticsAsync = #"""
    {{- $pc := .Site.Config.Privacy.GoogleAnalytics -}}
    {{- if not $pc.Disable -}}
    {{ with .Site.GoogleAnalytics }}
    <script type="application/javascript">
    {{ template "__ga_js_set_doNotTrack" $ }}
    if (!doNotTrack) {
    	window.ga=window.ga||function(){(ga.q=ga.q||[]).push(arguments)};ga.l=+new Date;
    \#(analyticsCalls)
    }
    </script>
    <script async src='https://www.google-analytics.com/analytics.js'></script>
    {{ end }}
    {{- end -}}

    \#(doNotTrack)
    """#

    private static let disqus = #"""
    {{- $pc := .Site.Config.Privacy.Disqus -}}
    {{- if not $pc.Disable -}}
    {{ if .Site.DisqusShortname }}<div id="disqus_thread"></div>
    <script type="application/javascript">
        window.disqus_config = function () {
        {{with .Params.disqus_identifier }}this.page.identifier = '{{ . }}';{{end}}
        {{with .Params.disqus_title }}this.page.title = '{{ . }}';{{end}}
        {{with .Params.disqus_url }}this.page.url = '{{ . | html  }}';{{end}}
        };
        (function() {
            if (["localhost", "127.0.0.1"].indexOf(window.location.hostname) != -1) {
                document.getElementById('disqus_thread').innerHTML = 'Disqus comments not available by default when the website is previewed locally.';
                return;
            }
            var d = document, s = d.createElement('script'); s.async = true;
            s.src = '//' + {{ .Site.DisqusShortname }} + '.disqus.com/embed.js';
            s.setAttribute('data-timestamp', +new Date());
            (d.head || d.body).appendChild(s);
        })();
    </script>
    <noscript>Please enable JavaScript to view the <a href="https://disqus.com/?ref_noscript">comments powered by Disqus.</a></noscript>
    <a href="https://disqus.com" class="dsq-brlink">comments powered by <span class="logo-disqus">Disqus</span></a>{{end}}
    {{- end -}}
    """#

    /// The pager links of `.Paginator`, `default` (first, previous, five numbers, next, last, the
    /// unusable ones disabled) or `terse` (three numbers, only the usable links).
    private static let pagination = #"""
    {{- $validFormats := slice "default" "terse" }}

    {{- $msg1 := "When passing a map to the internal pagination template, one of the elements must be named 'page', and it must be set to the context of the current page." }}
    {{- $msg2 := "The 'format' specified in the map passed to the internal pagination template is invalid. Valid choices are: %s." }}

    {{- $page := . }}
    {{- $format := "default" }}

    {{- if reflect.IsMap . }}
      {{- with .page }}
        {{- $page = . }}
      {{- else }}
        {{- errorf $msg1 }}
      {{- end }}
      {{- with .format }}
        {{- $format = lower . }}
      {{- end }}
    {{- end }}

    {{- if in $validFormats $format }}
      {{- if gt $page.Paginator.TotalPages 1 }}
        <ul class="pagination pagination-{{ $format }}">
          {{- partial (printf "partials/inline/pagination/%s" $format) $page }}
        </ul>
      {{- end }}
    {{- else }}
      {{- errorf $msg2 (delimit $validFormats ", ") }}
    {{- end -}}

    \#(pagerLinks(format: "default", slots: 5, showsDisabled: true))

    \#(pagerLinks(format: "terse", slots: 3, showsDisabled: false))
    """#

    /// One pager link, `indent` spaces in: a link, or a disabled one without `href`.
    private static func link(_ label: String, _ text: String, disabled: Bool, indent: Int) -> String {
        let space = String(repeating: " ", count: indent)
        let anchor = disabled
            ? #"<a aria-disabled="true" aria-label="\#(label)" class="page-link" role="button" tabindex="-1"><span aria-hidden="true">\#(text)</span></a>"#
            : #"<a href="{{ .URL }}" aria-label="\#(label)" class="page-link" role="button"><span aria-hidden="true">\#(text)</span></a>"#
        return space + #"<li class="page-item\#(disabled ? " disabled" : "")">"# + "\n" + space + "  " + anchor + "\n" + space + "</li>"
    }

    /// One of `_internal/pagination.html`'s formats, as an inline partial.
    private static func pagerLinks(format: String, slots: Int, showsDisabled: Bool) -> String {
        /// First and Last: shown unless the pager is that one.
        func end(_ label: String, _ text: String, _ member: String) -> String {
            let otherwise = showsDisabled ? "\n      {{- else }}\n" + link(label, text, disabled: true, indent: 6) : ""
            return "    {{- with .\(member) }}\n      {{- if ne $currentPageNumber .PageNumber }}\n"
                + link(label, text, disabled: false, indent: 6) + otherwise + "\n      {{- end }}\n    {{- end }}"
        }
        /// Previous and Next: shown when there is one.
        func step(_ label: String, _ text: String, _ member: String) -> String {
            let otherwise = showsDisabled ? "\n    {{- else }}\n" + link(label, text, disabled: true, indent: 6) : ""
            return "    {{- with .\(member) }}\n" + link(label, text, disabled: false, indent: 6) + otherwise + "\n    {{- end }}"
        }
        return #"""
        {{- define "partials/inline/pagination/\#(format)" }}
          {{- with .Paginator }}
            {{- $currentPageNumber := .PageNumber }}

        \#(end("First", "&laquo;&laquo;", "First"))

        \#(step("Previous", "&laquo;", "Prev"))

            {{- $slots := \#(slots) }}
            {{- $start := math.Max 1 (sub .PageNumber (math.Floor (div $slots 2))) }}
            {{- $end := math.Min .TotalPages (sub (add $start $slots) 1) }}
            {{- if lt (add (sub $end $start) 1) $slots }}
              {{- $start = math.Max 1 (add (sub $end $slots) 1) }}
            {{- end }}

            {{- range $k := seq $start $end }}
              {{- if eq $.Paginator.PageNumber $k }}
              <li class="page-item active">
                <a aria-current="page" aria-label="Page {{ $k }}" class="page-link" role="button">{{ $k }}</a>
              </li>
              {{- else }}
              <li class="page-item">
                <a href="{{ (index $.Paginator.Pagers (sub $k 1)).URL }}" aria-label="Page {{ $k }}" class="page-link" role="button">{{ $k }}</a>
              </li>
              {{- end }}
            {{- end }}

        \#(step("Next", "&raquo;", "Next"))

        \#(end("Last", "&raquo;&raquo;", "Last"))
          {{- end }}
        {{- end -}}
        """#
    }

    /// Hugo's `figure` shortcode: an image with an optional link and a caption, title and attribution.
    private static let figure = #"""
    <figure{{ with .Get "class" }} class="{{ . }}"{{ end }}>
        {{- if .Get "link" -}}
            <a href="{{ .Get "link" }}"{{ with .Get "target" }} target="{{ . }}"{{ end }}{{ with .Get "rel" }} rel="{{ . }}"{{ end }}>
        {{- end -}}
        <img src="{{ .Get "src" }}"
             {{- if or (.Get "alt") (.Get "caption") }}
             alt="{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Get "caption" | markdownify| plainify }}{{ end }}"
             {{- end -}}
             {{- with .Get "width" }} width="{{ . }}"{{ end -}}
             {{- with .Get "height" }} height="{{ . }}"{{ end -}}
        /><!-- Closing img tag -->
        {{- if .Get "link" }}</a>{{ end -}}
        {{- if or (or (.Get "title") (.Get "caption")) (.Get "attr") -}}
            <figcaption>
                {{ with (.Get "title") -}}
                    <h4>{{ . }}</h4>
                {{- end -}}
                {{- if or (.Get "caption") (.Get "attr") -}}<p>
                    {{- .Get "caption" | markdownify -}}
                    {{- with .Get "attrlink" }}
                        <a href="{{ . }}">
                    {{- end -}}
                    {{- .Get "attr" | markdownify -}}
                    {{- if .Get "attrlink" }}</a>{{ end }}</p>
                {{- end }}
            </figcaption>
        {{- end }}
    </figure>
    """#

    /// Hugo's `youtube` shortcode: the video in a 16:9 box, or in the given `class`; nothing when
    /// `privacy.youTube.disable` is set, and the youtube-nocookie host with `privacyEnhanced`.
    private static let youtube = #"""
    {{- $privacy := .Page.Site.Config.Privacy.YouTube -}}
    {{- if not $privacy.Disable -}}
    {{- $host := "www.youtube.com" }}{{ if $privacy.PrivacyEnhanced }}{{ $host = "www.youtube-nocookie.com" }}{{ end -}}
    {{- $id := .Get "id" | default (.Get 0) -}}
    {{- $class := .Get "class" | default (.Get 1) -}}
    {{- $title := .Get "title" | default "YouTube Video" }}
    <div {{ with $class }}class="{{ . }}"{{ else }}style="position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;"{{ end }}>
      <iframe src="https://{{ $host }}/embed/{{ $id }}{{ if eq (.Get "autoplay") "true" }}?autoplay=1{{ end }}" {{ if not $class }}style="position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;" {{ end }}allowfullscreen title="{{ $title }}"></iframe>
    </div>
    {{ end -}}
    """#

    /// Hugo's `vimeo` shortcode, named (`id`, `class`, `title`) or positional (id, class, title);
    /// `?dnt=1` with `privacy.vimeo.enableDNT`. (`privacy.vimeo.simple` fetches from Vimeo: not here.)
    private static let vimeo = #"""
    {{- $privacy := .Page.Site.Config.Privacy.Vimeo -}}
    {{- if not $privacy.Disable -}}
    {{- if $privacy.Simple }}{{ errorf "vimeo: privacy.vimeo.simple fetches from vimeo.com, which SiteGen does not do" }}{{ end -}}
    {{- $dnt := "" }}{{ if $privacy.EnableDNT }}{{ $dnt = "?dnt=1" }}{{ end -}}
    {{- $box := `style="position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;" ` -}}
    {{- $frame := `style="position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;"` -}}
    {{ if .IsNamedParams }}<div {{ with .Get "class" }}class="{{ . }}"{{ else }}{{ safeHTMLAttr $frame }}{{ end }}>
      <iframe src="https://player.vimeo.com/video/{{ .Get "id" }}{{ $dnt }}" {{ if not (.Get "class") }}{{ safeHTMLAttr $box }}{{ end }}title="{{ .Get "title" | default "vimeo video" }}" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>
    </div>{{ else }}
    <div {{ if gt (len .Params) 1 }}class="{{ .Get 1 }}"{{ else }}{{ safeHTMLAttr $frame }}{{ end }}>
      <iframe src="https://player.vimeo.com/video/{{ .Get 0 }}{{ $dnt }}" {{ if eq (len .Params) 1 }}{{ safeHTMLAttr $box }}{{ end }}title="{{ if eq (len .Params) 3 }}{{ .Get 2 }}{{ else }}vimeo video{{ end }}" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>
    </div>
    {{ end }}
    {{- end -}}
    """#

    /// Hugo's `param` shortcode: the page's param (or the site's) named by the first argument.
    private static let param = #"""
    {{- $name := .Get 0 -}}
    {{- with $name -}}
    {{- with $.Page.Param . }}{{ . }}{{ else }}{{ errorf "Param %q not found: %s" $name $.Position }}{{ end -}}
    {{- else }}{{ errorf "Missing param key: %s" $.Position }}{{ end -}}
    """#
}
