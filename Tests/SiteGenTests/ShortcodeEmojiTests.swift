import Testing
@testable import SiteGen

@Suite struct ShortcodeEmojiTests {
    @Test func replacesGitHubCodes() {
        #expect(Emoji.replace(in: "Released :tada: :+1: :-1: :heart: :rocket: :smile:") == "Released 🎉 👍 👎 ❤️ 🚀 😄")
    }

    @Test func gemojiNamesWinOverUnicodeNames() {
        #expect(Emoji.replace(in: ":cat: :cat2: :cat_face:") == "🐱 🐈 🐱")
    }

    @Test func unknownCodesStay() {
        #expect(Emoji.replace(in: "at 12:30:45, :not_an_emoji: or : tada : or ::") == "at 12:30:45, :not_an_emoji: or : tada : or ::")
    }

    @Test func adjacentCodes() {
        #expect(Emoji.replace(in: ":tada::tada: x:tada:y :foo:tada:") == "🎉🎉 x🎉y :foo🎉")
    }

    @Test func codeIsLeftAlone() {
        let markdown = "`:tada:` :tada:\n\n```\n:tada:\n```\n\n    :tada:\n\n~~~\n:tada:\n~~~\n"
        #expect(Emoji.replace(in: markdown) == "`:tada:` 🎉\n\n```\n:tada:\n```\n\n    :tada:\n\n~~~\n:tada:\n~~~\n")
        #expect(Emoji.replace(in: ":x`:tada:`") == ":x`:tada:`")
    }

    @Test func textWithoutCodesIsUntouched() {
        #expect(Emoji.replace(in: "No emoji here.") == "No emoji here.")
    }
}
