import Foundation

/// `sitegen new site DIR`: a site that builds and serves at once with the embedded theme: its
/// configuration, a home page, a newsletter section with its first issue (a bundle, as every
/// issue after it), a blog with a post, archetypes for the next ones, and a README for its authors.
public enum NewSite {
    /// Writes the site into `folder`, which must be empty or absent, and returns the files made,
    /// from the folder. `now` dates the first issue and post.
    public static func create(at folder: URL, title: String = "My Project", now: Date = Date()) throws(Diagnostic) -> [String] {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .error(folder.path, "is a file; sitegen new site makes a folder") }
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard entries.isEmpty else {
                throw .error(folder.path, "is not empty (\(entries.count) entries); sitegen new site only writes into an empty or new folder")
            }
        }
        let files = Self.files(title: title, date: String(ISO8601DateFormatter.string(from: now, timeZone: .gmt, formatOptions: [.withFullDate])))
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw .error(folder.path, "cannot write the new site: \(error.localizedDescription)")
        }
        return files.map(\.path)
    }

    private static func quoted(_ text: String) -> String { FrontMatterEditor.quoted(text) }

    private static func files(title: String, date: String) -> [(path: String, text: String)] {
        [
            ("config.yaml", """
                baseURL: https://example.org/
                title: \(quoted(title))
                languageCode: en-us
                enableRobotsTXT: true

                taxonomies:
                  tag: tags

                params:
                  description: \(quoted("News and notes from \(title)."))
                  mainSections:
                    - newsletter
                    - blog

                menus:
                  main:
                    - name: Home
                      url: /
                      weight: 10
                    - name: Newsletter
                      url: /newsletter/
                      weight: 20
                    - name: Blog
                      url: /blog/
                      weight: 30

                """),
            ("content/_index.md", """
                ---
                title: \(quoted(title))
                description: \(quoted("News and notes from \(title)."))
                ---

                Welcome. The latest newsletter issues and blog posts are below.

                """),
            ("content/newsletter/_index.md", """
                ---
                title: \(quoted("\(title) Weekly"))
                description: What happened this week, every week.
                ---

                One short issue a week. Follow it with the [RSS feed](/newsletter/index.xml).

                """),
            ("content/newsletter/weekly-01/index.md", """
                ---
                title: \(quoted("\(title) Weekly #1"))
                date: \(date)
                description: The first issue.
                tags:
                  - news
                ---

                This is the first issue. Each issue is a folder of its own (`weekly-01/`), so that its
                pictures sit beside its text: put `cover.jpg` here and add `image: cover.jpg` above.

                <!--more-->

                ## What happened

                Write the week's news here, in Markdown.

                """),
            ("content/blog/_index.md", """
                ---
                title: Blog
                ---

                """),
            ("content/blog/hello.md", """
                ---
                title: Hello
                date: \(date)
                tags:
                  - news
                ---

                The first post. A post is one Markdown file in `content/blog/`.

                """),
            ("archetypes/default.md", NewContent.hugoDefault),
            ("archetypes/newsletter/index.md", """
                ---
                title: \(quoted("\(title) Weekly"))
                date: {{ .Date }}
                draft: true
                description: ""
                tags: []
                ---

                <!--more-->

                """),
            ("README.md", """
                # \(title)

                This site is built with SiteGen, from the Markdown in `content/`.

                - `sitegen serve` shows the site at http://127.0.0.1:1313/ and reloads a page when its
                  file changes. Drafts (`draft: true`) are shown there, not published.
                - `sitegen build` writes the site into `public/`, ready to upload.
                - `sitegen new newsletter` starts the next newsletter issue (`weekly-02`, then
                  `weekly-03`…) from `archetypes/newsletter/`: a folder with its `index.md`, dated on
                  the issues' weekday, a draft until you remove `draft: true`. `--title "…"` adds
                  words after its number, `--date 2026-12-04` picks another day.
                - `sitegen new blog/my-post.md` starts a blog post from `archetypes/default.md`.

                Settings (the site's title, its address, the menu) are in `config.yaml`.

                """),
        ]
    }
}
