import Foundation
import Testing
@testable import SiteGen

/// docs/hugo-templates.md lists every function and every member of every object SiteGen's Hugo
/// templates have: a name added without its line fails here.
@Suite struct HugoTemplatesDocumentationTests {
    static let documentation = (try? String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("docs/hugo-templates.md"), encoding: .utf8)) ?? ""

    static let objects: [(name: String, members: [String])] = [
        ("Page", PageObject.members.names), ("Site", SiteObject.members.names), ("Pages", PagesObject.members.names),
        ("Paginator", PaginatorObject.members.names), ("Language", LanguageObject.members.names),
        ("File", FileObject.members.names), ("Resource (bundle)", ResourceObject.members.names + ResourceObject.imageMembers.names),
        ("Resources (bundle)", ResourcesObject.members.names),
        ("Resource (assets)", AssetResource.members.names + AssetResource.imageMembers.names),
        ("Image (processed)", ProcessedImageResource.members.names + ProcessedImageResource.imageMembers.names),
        ("Fragments", FragmentsObject.members.names), ("Heading", HeadingObject.members.names),
        ("Menu", MenuObject.members.names), ("Menu entry", MenuEntryObject.members.names),
        ("Taxonomy", TaxonomyObject.members.names), ("Taxonomy term", WeightedPagesObject.members.names),
        ("Scratch", ScratchObject.members.names), ("Output format", OutputFormatObject.members.names),
        ("Shortcode", ShortcodeObject.members.names), ("Time", TimeObject.members.names),
        ("Link render hook", LinkContextObject.members.names), ("Image render hook", ImageContextObject.members.names),
        ("Heading render hook", HeadingContextObject.members.names), ("Code block render hook", CodeBlockContextObject.members.names),
        ("Position", PositionObject.members.names),
    ]

    /// The section of the documentation about `object`: from its heading to the next.
    static func section(_ heading: String) -> Substring {
        guard let start = documentation.range(of: "### \(heading)\n") else { return "" }
        let rest = documentation[start.upperBound...]
        return rest[..<(rest.range(of: "\n### ")?.lowerBound ?? rest.endIndex)]
    }

    @Test(arguments: objects.map(\.name)) func everyMemberIsListed(_ object: String) {
        let members = Self.objects.first { $0.name == object }!.members
        let text = Self.section(object)
        let missing = members.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "### \(object) lacks: \(missing.map { "`\($0)`" }.joined(separator: ", "))")
    }

    @Test func everyFunctionIsListed() {
        let names = HugoLayouts.standardFunctions.keys.filter { !$0.hasPrefix("_") }.sorted()
        let text = Self.section("Functions")
        let missing = names.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "### Functions lacks: \(missing.map { "`\($0)`" }.joined(separator: ", "))")
    }
}
