import Foundation
import Testing
@testable import SiteGen

/// A content tree shaped like our first user's: bundles with one index file per language, shared
/// images, per-language sections and string tables.
@Suite struct MultilingualTests {
    static let config = """
        baseURL: https://berty.example/
        title: Berty
        defaultContentLanguage: en
        languages:
          en: {languageName: English, weight: 1}
          fr: {languageName: Français, weight: 2, title: Berty FR}
          ar: {languageName: العربية, weight: 3, languageCode: ar-EG}
          zh: {languageName: 中文, weight: 4}
          pt-br: {languageName: Português, weight: 5}
        """

    static let templates = [
        "templates/newsletter/single.mustache": """
            {{page.title}}|{{page.url}}|{{page.language.code}}|{{page.language.direction}}|{{site.title}}|{{page.date.localized}}
            {{#page.translations}}[{{code}} {{url}}]{{/page.translations}}
            {{#page.images}}<img src="{{url}}">{{/page.images}}
            {{i18n.readMore}}|{{minutesRead(page.readingTime)}}|{{i18n.onlyInEnglish}}
            {{{page.content}}}
            """,
        "templates/newsletter/list.mustache": "LIST {{page.title}}|{{page.url}}:{{#paginator.pages}} {{title}}{{/paginator.pages}}|{{site.homeURL}}",
        "templates/_default/single.mustache": "{{page.title}}{{#page.translations}}[{{code}} {{url}}]{{/page.translations}}\n{{{page.content}}}",
        "templates/index.mustache": "HOME {{site.title}}|{{#site.languages}}{{code}}{{#current}}*{{/current}} {{/site.languages}}",
        "i18n/en.yaml": "onlyInEnglish: Only in English\n",
        "i18n/fr.yaml": "readMore: Lire la suite\nminutesRead:\n  one: \"{{ .Count }} minute\"\n  other: \"{{ .Count }} minutes\"\n",
        "i18n/ar.yaml": "- id: readMore\n  translation: اقرأ المزيد\n- id: minutesRead\n  translation:\n    zero: لا دقائق\n    one: دقيقة واحدة\n    two: دقيقتان\n    few: \"{{ .Count }} دقائق\"\n    many: \"{{ .Count }} دقيقة\"\n    other: \"{{ .Count }} دقيقة\"\n",
    ]

    let site: TestSite
    let report: BuildReport

    init() throws {
        var files = Self.templates
        files["config.yaml"] = Self.config
        files["content/newsletter/_index.md"] = "---\ntitle: Newsletter\n---\n"
        files["content/newsletter/_index.fr.md"] = "---\ntitle: Lettre d'information\n---\n"
        files["content/newsletter/news-25/index.md"] = "---\ntitle: Weekly 25\ndate: 2019-12-13\ntags: [p2p]\n---\n![photo](photo.jpg)\n\nHello."
        files["content/newsletter/news-25/index.fr.md"] = "---\ntitle: Hebdo 25\ndate: 2019-12-13\ntags: [p2p]\n---\n![photo](photo.jpg)\n\nBonjour."
        files["content/newsletter/news-25/index.ar.md"] = "---\ntitle: النشرة ٢٥\ndate: 2019-12-13\n---\nمرحبا بكم في النشرة."
        files["content/newsletter/news-25/index.zh.md"] = "---\ntitle: 第二十五期周报\ndate: 2019-12-13\n---\n你好，欢迎阅读本期周报。"
        files["content/newsletter/news-25/index.pt-br.md"] = "---\ntitle: Semanal 25\ndate: 2019-12-13\n---\nOlá."
        files["content/about.md"] = "---\ntitle: About\n---\nSee [the issue](newsletter/news-25/index.md)."
        files["content/about.fr.md"] = "---\ntitle: À propos\n---\nVoir [le numéro](newsletter/news-25/index.md)."
        site = try TestSite(files)
        try site.copy("content/newsletter/weekly-01/cover.jpg", to: "content/newsletter/news-25/photo.jpg")
        report = try site.build()
    }

    @Test func eachLanguageIsWrittenUnderItsCode() throws {
        #expect(try site.read("newsletter/news-25/index.html").hasPrefix("Weekly 25|/newsletter/news-25/|en|ltr|Berty|December 13, 2019"))
        #expect(try site.read("fr/newsletter/news-25/index.html").hasPrefix("Hebdo 25|/fr/newsletter/news-25/|fr|ltr|Berty FR|13 décembre 2019"))
        #expect(try site.read("ar/newsletter/news-25/index.html").hasPrefix("النشرة ٢٥|/ar/newsletter/news-25/|ar|rtl|Berty|"))
        #expect(try site.read("zh/newsletter/news-25/index.html").hasPrefix("第二十五期周报|/zh/newsletter/news-25/|zh|ltr|"))
        #expect(try site.read("pt-br/newsletter/news-25/index.html").hasPrefix("Semanal 25|/pt-br/newsletter/news-25/|pt-br|"))
    }

    @Test func pagesKnowTheirTranslations() throws {
        let english = try site.read("newsletter/news-25/index.html")
        #expect(english.contains("[fr /fr/newsletter/news-25/][ar /ar/newsletter/news-25/][zh /zh/newsletter/news-25/][pt-br /pt-br/newsletter/news-25/]"))
        #expect(try site.read("fr/about/index.html").contains("[en /about/]"))
    }

    @Test func bundleFilesAreWrittenOnceAndLinkedFromEveryTranslation() throws {
        #expect(site.exists("newsletter/news-25/photo.jpg"))
        #expect(!site.exists("fr/newsletter/news-25/photo.jpg"))
        #expect(try site.read("fr/newsletter/news-25/index.html").contains(#"<img src="/newsletter/news-25/photo.jpg""#))
        #expect(try site.read("fr/newsletter/news-25/index.html").contains(#"<img src="/newsletter/news-25/photo.jpg" alt="photo""#))
        #expect(report.images == 1)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter { $0.hasSuffix("photo.jpg") } == ["newsletter/news-25/photo.jpg"])
    }

    @Test func everyLanguageHasItsOwnListsFeedsAndTaxonomies() throws {
        #expect(try site.read("fr/index.html") == "HOME Berty FR|en fr* ar zh pt-br ")
        #expect(try site.read("fr/newsletter/index.html") == "LIST Lettre d&#39;information|/fr/newsletter/: Hebdo 25|/fr/")
        #expect(try site.read("ar/newsletter/index.html").hasPrefix("LIST Newsletters|/ar/newsletter/: النشرة ٢٥"))
        #expect(site.exists("fr/index.xml"))
        #expect(site.exists("fr/newsletter/index.xml"))
        #expect(site.exists("fr/tags/p2p/index.html"))
        #expect(!site.exists("ar/tags/p2p/index.html"))
    }

    @Test func linksToContentFilesStayInTheirLanguage() throws {
        #expect(try site.read("about/index.html").contains(#"href="/newsletter/news-25/""#))
        #expect(try site.read("fr/about/index.html").contains(#"href="/fr/newsletter/news-25/""#))
    }

    @Test func stringsComeFromTheLanguageWithPluralFormsAndFallBackWithAWarning() throws {
        #expect(try site.read("fr/newsletter/news-25/index.html").contains("Lire la suite|1 minute"))
        #expect(try site.read("ar/newsletter/news-25/index.html").contains("اقرأ المزيد|دقيقة واحدة"))
        // A string only the default language has: used, with a warning, in the others.
        #expect(try site.read("zh/newsletter/news-25/index.html").contains("|Only in English"))
        #expect(report.warnings.contains { $0.location.file == "i18n/zh.yaml" && $0.message == "1 string missing in zh, using en's: 'onlyInEnglish'" })
    }

    @Test func sitemapIndexListsOneSitemapPerLanguageWithAlternates() throws {
        let index = try site.read("sitemap.xml")
        for code in ["en", "fr", "ar", "zh", "pt-br"] {
            #expect(index.contains("<loc>https://berty.example/\(code)/sitemap.xml</loc>"))
            #expect(site.exists("\(code)/sitemap.xml"))
        }
        #expect(try site.read("fr/sitemap.xml").contains("https://berty.example/fr/newsletter/news-25/"))
    }

    @Test func aliasesAndPrefixesDoNotCollide() throws {
        let languages = try Builder(options: site.options()).buildSites().sites.map(\.language.code)
        #expect(languages == ["en", "fr", "ar", "zh", "pt-br"])
    }
}

@Suite struct LanguageConfigurationTests {
    @Test func contentDirectoriesPerLanguage() throws {
        let site = try TestSite([
            "config.toml": """
                defaultContentLanguage = "fr"
                [languages.fr]
                contentDir = "content/fr"
                weight = 1
                [languages.en]
                contentDir = "content/en"
                weight = 2
                """,
            "content/fr/blog/bonjour.md": "---\ntitle: Bonjour\n---\n",
            "content/en/blog/bonjour.md": "---\ntitle: Hello\n---\n",
            "templates/_default/single.mustache": "{{page.title}}{{#page.translations}} {{code}}={{url}}{{/page.translations}}",
        ])
        try site.build()
        #expect(try site.read("blog/bonjour/index.html") == "Bonjour en=/en/blog/bonjour/")
        #expect(try site.read("en/blog/bonjour/index.html") == "Hello fr=/blog/bonjour/")
    }

    @Test func defaultLanguageInASubfolderRedirectsTheRoot() throws {
        let site = try TestSite([
            "config.yaml": "defaultContentLanguageInSubdir: true\nlanguages:\n  en: {weight: 1}\n  fr: {weight: 2}\n",
            "content/a.md": "---\ntitle: A\n---\n",
            "templates/_default/single.mustache": "{{page.url}}",
        ])
        try site.build()
        #expect(try site.read("en/a/index.html") == "/en/a/")
        #expect(try site.read("index.html").contains("url=/en/"))
    }

    @Test func eachLanguageHasItsOwnMenus() throws {
        let site = try TestSite([
            "config.yaml": """
                menus:
                  main: [{name: Blog, url: /blog/}]
                languages:
                  en: {weight: 1}
                  fr:
                    weight: 2
                    menus:
                      main: [{name: Journal, url: /fr/blog/}]
                """,
            "content/blog/a.md": "---\ntitle: A\n---\n",
            "content/blog/a.fr.md": "---\ntitle: A\n---\n",
            "templates/_default/single.mustache": "{{#site.menus.main}}{{name}}={{url}}{{/site.menus.main}}",
        ])
        try site.build()
        #expect(try site.read("blog/a/index.html") == "Blog=/blog/")
        #expect(try site.read("fr/blog/a/index.html") == "Journal=/fr/blog/")
    }

    @Test func disabledLanguagesAreLeftOut() throws {
        let site = try TestSite([
            "config.yaml": "disableLanguages: [fr]\nlanguages:\n  en: {weight: 1}\n  fr: {weight: 2}\n",
            "content/a.md": "---\ntitle: A\n---\n",
            "content/a.fr.md": "---\ntitle: A fr\n---\n",
        ])
        try site.build()
        #expect(site.exists("a/index.html"))
        #expect(!site.exists("fr/a/index.html"))
        #expect(!site.exists("fr/index.html"))
    }

    @Test func aStringNoLanguageHasIsATemplateError() throws {
        let site = try TestSite([
            "content/a.md": "---\ntitle: A\n---\n",
            "templates/_default/single.mustache": "ok\n{{i18n.noSuchString}}",
        ])
        #expect(site.failedBuild().map(\.description) == ["templates/_default/single.mustache:2:1: error: unknown template key 'noSuchString'"])
    }

    @Test func aRegionalLanguageUsesItsBaseLanguagesStrings() {
        let tables = StringTables(tables: ["en": ["hi": Translation(forms: ["other": "Hello"])],
                                           "zh": ["hi": Translation(forms: ["other": "你好"])]], defaultLanguage: "en")
        #expect(tables.lookup("hi", language: "zh-hant") == .found(Translation(forms: ["other": "你好"])))
        #expect(tables.lookup("hi", language: "id-id") == .fallback(Translation(forms: ["other": "Hello"])))
        #expect(tables.lookup("nope", language: "zh") == .missing)
    }

    @Test func pluralRules() {
        #expect(PluralRules.category(of: 0, language: "fr") == "one")
        #expect(PluralRules.category(of: 2, language: "fr") == "other")
        #expect(PluralRules.category(of: 1, language: "en") == "one")
        #expect(PluralRules.category(of: 0, language: "en") == "other")
        #expect([0, 1, 2, 5, 11, 100].map { PluralRules.category(of: $0, language: "ar") } == ["zero", "one", "two", "few", "many", "other"])
        #expect([1, 3, 5, 21, 22, 25].map { PluralRules.category(of: $0, language: "ru") } == ["one", "few", "many", "one", "few", "many"])
        #expect(PluralRules.category(of: 1, language: "zh") == "other")
        #expect(PluralRules.category(of: 1, language: "pt-br") == "one")
    }

    @Test func fileNameLanguagesOnlyCountWhenConfigured() throws {
        let scanner = ContentScanner(siteDirectory: URL(fileURLWithPath: "/"), languages: ["en", "fr", "pt-br"], defaultLanguage: "en")
        #expect(scanner.split("index.fr.md") == ("index", "fr"))
        #expect(scanner.split("index.PT-BR.md") == ("index", "pt-br"))
        #expect(scanner.split("v1.2.md") == ("v1.2", "en"))
        #expect(scanner.split("notes.de.md") == ("notes.de", "en"))
    }
}
