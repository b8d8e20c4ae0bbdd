import GoTemplates

/// Hugo's `inflect` namespace: `humanize`, `pluralize` and `singularize`, by the rules and word
/// lists of the gobuffalo/flect version Hugo 0.111 is built with.
enum InflectFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("inflect.Humanize", aliases: ["humanize"], arity: .exactly(1)) { arguments, _ in
            let word = try GoCast.string(arguments[0])
            guard !word.isEmpty else { return .string("") }
            // An integer, or a string that reads as one, becomes an ordinal: 1st, 2nd, 103rd.
            if case .int(let number) = arguments[0] { return .string(Inflector.ordinal(number)) }
            if let number = Int(word) { return .string(Inflector.ordinal(number)) }
            return .string(Inflector.humanize(word))
        },
        HugoFunction("inflect.Pluralize", aliases: ["pluralize"], arity: .exactly(1)) { arguments, _ in
            .string(Inflector.pluralize(try GoCast.string(arguments[0])))
        },
        HugoFunction("inflect.Singularize", aliases: ["singularize"], arity: .exactly(1)) { arguments, _ in
            .string(Inflector.singularize(try GoCast.string(arguments[0])))
        },
    ]
}

/// flect's inflections. A word is split into parts (at spaces, underscores, dashes and case
/// changes, keeping acronyms whole); pluralizing and singularizing change the last part only.
enum Inflector {
    // MARK: Plurals

    static func pluralize(_ text: String) -> String {
        guard let last = parts(of: text).last else { return "" }
        if let plural = singularToPlural[text] { return replacingSuffix(text, in: text, with: plural) }
        if pluralToSingular[text] != nil { return text }
        let lowered = GoUnicode.lowercased(last)
        if pluralToSingular[lowered] != nil { return text }
        if var plural = singularToPlural[lowered] {
            if last == capitalized(last) { plural = capitalized(plural) }
            return replacingSuffix(last, in: text, with: plural)
        }
        if let rule = pluralRules.first(where: { lowered.hasSuffix($0.suffix) }) {
            return replacingSuffix(last, in: text, with: rule.apply(last))
        }
        return lowered.hasSuffix("s") ? text : text + "s"
    }

    static func singularize(_ text: String) -> String {
        guard let last = parts(of: text).last else { return text }
        if let singular = pluralToSingular[text] { return replacingSuffix(text, in: text, with: singular) }
        if singularToPlural[text] != nil { return text }
        let lowered = GoUnicode.lowercased(last)
        if var singular = pluralToSingular[lowered] {
            if last == capitalized(last) { singular = capitalized(singular) }
            return replacingSuffix(last, in: text, with: singular)
        }
        if singularToPlural[lowered] != nil { return text }
        if let rule = singularRules.first(where: { lowered.hasSuffix($0.suffix) }) {
            return replacingSuffix(last, in: text, with: rule.apply(last))
        }
        return last.hasSuffix("s") ? replacingSuffix("s", in: text, with: "") : text
    }

    /// flect's `ReplaceSuffix`: the whole text with `suffix` cut off its end and `replacement` put on.
    private static func replacingSuffix(_ suffix: String, in text: String, with replacement: String) -> String {
        (text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text) + replacement
    }

    /// A suffix and what replaces it; a rule with no replacement leaves the word as it is.
    private struct Rule {
        let suffix: String
        let replacement: String?

        func apply(_ word: String) -> String {
            guard let replacement else { return word }
            return String(word.utf8.dropLast(suffix.utf8.count))! + replacement
        }
    }

    /// flect inserts each rule at the front, before a rule that keeps words already inflected:
    /// the dictionary's words first (the last one first), then the suffixes in list order.
    private static func rules(_ pairs: [(from: String, to: String)], dictionary: [(from: String, to: String)]) -> [Rule] {
        (dictionary.reversed() + pairs).flatMap { [Rule(suffix: $0.to, replacement: nil), Rule(suffix: $0.from, replacement: $0.to)] }
    }

    private static let pluralRules = rules(
        suffixes.map { ($0.singular, $0.plural) },
        dictionary: dictionary.filter { !$0.exact }.map { ($0.singular, $0.plural) })

    private static let singularRules = rules(
        suffixes.map { ($0.plural, $0.singular) },
        dictionary: dictionary.filter { !$0.exact }.flatMap { word in
            (word.unidirectional ? [] : [(word.plural, word.singular)]) + (word.alternative.map { [($0, word.singular)] } ?? [])
        })

    private static let singularToPlural: [String: String] = irregulars.merging(dictionary.map { ($0.singular, $0.plural) }) { $1 }

    private static let pluralToSingular: [String: String] = {
        var map = Dictionary(irregulars.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        for word in dictionary {
            if !word.unidirectional { map[word.plural] = word.singular }
            if let alternative = word.alternative { map[alternative] = word.singular }
        }
        return map
    }()

    // MARK: Words and parts

    /// flect's `toParts`.
    static func parts(of text: String) -> [String] {
        let trimmed = StringsFunctions.trimming(text, where: GoUnicode.isSpace)
        guard !trimmed.isEmpty else { return [] }
        if acronyms.contains(GoUnicode.uppercased(trimmed)) { return [GoUnicode.uppercased(trimmed)] }
        var parts: [String] = []
        var current = ""
        var previous: Character = "\0"
        for character in trimmed {
            let isUpper = character.isUppercase
            if isSeparator(character) || (isUpper && !previous.isUppercase)
                || (isUpper && acronyms.contains(GoUnicode.uppercased(current))) {
                append(current, to: &parts)
                current = isSeparator(character) || isUpper ? String(character) : ""
            } else if character.isLetter || character.isNumber || character.isPunctuation || character == "`" {
                current.append(character)
            } else {
                append(current, to: &parts)
                current = ""
            }
            previous = character
        }
        append(current, to: &parts)
        return parts
    }

    private static func isSeparator(_ character: Character) -> Bool {
        "_ :-/".contains(character) || character.unicodeScalars.allSatisfy(GoUnicode.isSpace)
    }

    /// flect's `xappend`: a part trimmed of spaces and separators, acronyms upper-cased.
    private static func append(_ part: String, to parts: inout [String]) {
        var part = StringsFunctions.trimming(part, where: GoUnicode.isSpace)
        for separator in "_ :-/".unicodeScalars {
            part = StringsFunctions.trimming(part) { $0 == separator }
        }
        if acronyms.contains(GoUnicode.uppercased(part)) { part = GoUnicode.uppercased(part) }
        if !part.isEmpty { parts.append(part) }
    }

    /// flect's `Capitalize`: the first character in title case.
    private static func capitalized(_ word: String) -> String {
        guard let first = word.unicodeScalars.first else { return "" }
        return String(GoUnicode.title(first)) + String(word.unicodeScalars.dropFirst())
    }

    /// flect's `Humanize`: the first part title-cased (Go's `strings.Title`), the others lower-cased
    /// but for acronyms, joined by spaces.
    static func humanize(_ text: String) -> String {
        let parts = parts(of: text)
        guard let first = parts.first else { return text }
        var words: [String] = []
        append(goTitle(first), to: &words)
        for part in parts.dropFirst() { append(GoUnicode.lowercased(part), to: &words) }
        return words.joined(separator: " ")
    }

    /// Go's `strings.Title`: each letter after a separator (anything but letters, digits and `_`)
    /// in title case.
    private static func goTitle(_ text: String) -> String {
        var previous: Unicode.Scalar = " "
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            defer { previous = scalar }
            let isSeparator = previous.isASCII
                ? !(previous.properties.isAlphabetic || ("0"..."9").contains(previous) || previous == "_")
                : previous.properties.isWhitespace
            return isSeparator ? GoUnicode.title(scalar) : scalar
        }))
    }

    /// flect's `Ordinalize`.
    static func ordinal(_ number: Int) -> String {
        let magnitude = number.magnitude
        if (11...13).contains(magnitude % 100) { return "\(number)th" }
        switch magnitude % 10 {
        case 1: return "\(number)st"
        case 2: return "\(number)nd"
        case 3: return "\(number)rd"
        default: return "\(number)th"
        }
    }
}

// MARK: Word lists

extension Inflector {
    /// A dictionary word: its plural, another plural that singularizes to it, whether only the
    /// plural is known (`unidirectional`), and whether only the word itself (no compound ending
    /// in it) is inflected so (`exact`).
    private struct Word {
        let singular: String
        let plural: String
        var alternative: String? = nil
        var unidirectional = false
        var exact = false
    }

    private static let dictionary: [Word] = [
        Word(singular: "bison", plural: "bison"), Word(singular: "deer", plural: "deer"),
        Word(singular: "moose", plural: "moose"), Word(singular: "fish", plural: "fish", alternative: "fishes"),
        Word(singular: "salmon", plural: "salmon", alternative: "salmons"), Word(singular: "sheep", plural: "sheep"),
        Word(singular: "shrimp", plural: "shrimp", alternative: "shrimps"),
        Word(singular: "trout", plural: "trout", alternative: "trouts"), Word(singular: "aircraft", plural: "aircraft"),
        Word(singular: "blues", plural: "blues", unidirectional: true), Word(singular: "chassis", plural: "chassis"),
        Word(singular: "series", plural: "series"), Word(singular: "species", plural: "species"),
        Word(singular: "police", plural: "police"), Word(singular: "ox", plural: "oxen", exact: true),
        Word(singular: "child", plural: "children"), Word(singular: "foot", plural: "feet"),
        Word(singular: "goose", plural: "geese"), Word(singular: "louse", plural: "lice"),
        Word(singular: "man", plural: "men"), Word(singular: "human", plural: "humans"),
        Word(singular: "mouse", plural: "mice"), Word(singular: "tooth", plural: "teeth"),
        Word(singular: "woman", plural: "women"), Word(singular: "person", plural: "people"),
        Word(singular: "die", plural: "dice"), Word(singular: "base", plural: "bases"),
        Word(singular: "basis", plural: "bases", unidirectional: true), Word(singular: "media", plural: "media"),
        Word(singular: "medium", plural: "media", alternative: "mediums", unidirectional: true),
        Word(singular: "stadium", plural: "stadiums", alternative: "stadia"),
    ]

    /// flect's `singleToPlural` table (its `pluralToSingle` starts as the reverse).
    private static let irregulars: [String: String] = [
        "alias": "aliases", "alumna": "alumnae", "alumnus": "alumni", "analysis": "analyses", "antenna": "antennas",
        "antithesis": "antitheses", "apex": "apexes", "appendix": "appendices", "axis": "axes", "bacillus": "bacilli",
        "bacterium": "bacteria", "beau": "beaus", "bureau": "bureaus", "bus": "buses", "campus": "campuses",
        "caucus": "caucuses", "château": "châteaux", "circus": "circuses", "codex": "codices", "concerto": "concertos",
        "corpus": "corpora", "crisis": "crises", "criterion": "criteria", "curriculum": "curriculums", "datum": "data",
        "diagnosis": "diagnoses", "dwarf": "dwarves", "ellipsis": "ellipses", "equipment": "equipment",
        "erratum": "errata", "fez": "fezzes", "focus": "foci", "foo": "foos", "formula": "formulas", "fungus": "fungi",
        "genus": "genera", "graffito": "graffiti", "grouse": "grouse", "half": "halves", "halo": "halos",
        "hoof": "hooves", "hypothesis": "hypotheses", "index": "indices", "information": "information",
        "jeans": "jeans", "larva": "larvae", "libretto": "librettos", "loaf": "loaves", "locus": "loci",
        "matrix": "matrices", "minutia": "minutiae", "money": "money", "nebula": "nebulae", "news": "news",
        "nucleus": "nuclei", "oasis": "oases", "octopus": "octopi", "offspring": "offspring", "opus": "opera",
        "ovum": "ova", "parenthesis": "parentheses", "phenomenon": "phenomena", "photo": "photos", "phylum": "phyla",
        "piano": "pianos", "plus": "pluses", "prognosis": "prognoses", "prometheus": "prometheuses", "quiz": "quizzes",
        "quota": "quotas", "radius": "radiuses", "referendum": "referendums", "ress": "resses", "rice": "rice",
        "sex": "sexes", "shoe": "shoes", "stimulus": "stimuli", "stratum": "strata", "swine": "swine",
        "syllabus": "syllabi", "symposium": "symposiums", "synapse": "synapses", "synopsis": "synopses",
        "tableau": "tableaus", "testis": "testes", "thesis": "theses", "thief": "thieves", "tuna": "tuna",
        "vedalia": "vedalias", "vertebra": "vertebrae", "vertix": "vertices", "vita": "vitae", "vortex": "vortices",
        "wharf": "wharves", "wife": "wives", "wolf": "wolves", "you": "you",
    ]

    /// Singular and plural suffixes, in the order they are tried.
    private static let suffixes: [(singular: String, plural: String)] = [
        ("campus", "campuses"), ("person", "people"), ("phylum", "phyla"), ("randum", "randa"), ("actus", "acti"),
        ("adium", "adia"), ("basis", "basis"), ("child", "children"), ("chive", "chives"), ("focus", "foci"),
        ("genus", "genera"), ("hello", "hellos"), ("jeans", "jeans"), ("louse", "lice"), ("media", "media"),
        ("mouse", "mice"), ("movie", "movies"), ("oasis", "oasis"), ("atum", "ata"), ("atus", "atuses"),
        ("base", "bases"), ("cess", "cesses"), ("dium", "diums"), ("eses", "esis"), ("half", "halves"),
        ("hive", "hives"), ("iano", "ianos"), ("irus", "iri"), ("isis", "ises"), ("leus", "li"), ("mnus", "mni"),
        ("move", "moves"), ("news", "news"), ("odex", "odice"), ("oose", "eese"), ("ouse", "ouses"), ("ovum", "ova"),
        ("shoe", "shoes"), ("stis", "stes"), ("tive", "tives"), ("vice", "vices"), ("wife", "wives"), ("afe", "aves"),
        ("bfe", "bves"), ("box", "boxes"), ("cfe", "cves"), ("dfe", "dves"), ("dge", "dges"), ("efe", "eves"),
        ("gfe", "gves"), ("hfe", "hves"), ("ife", "ives"), ("itz", "itzes"), ("ium", "ia"), ("ize", "izes"),
        ("jfe", "jves"), ("kfe", "kves"), ("man", "men"), ("mfe", "mves"), ("nfe", "nves"), ("nna", "nnas"),
        ("oaf", "oaves"), ("oci", "ocus"), ("ode", "odes"), ("ofe", "oves"), ("pfe", "pves"), ("qfe", "qves"),
        ("quy", "quies"), ("rfe", "rves"), ("sfe", "sves"), ("tfe", "tves"), ("tum", "ta"), ("tus", "tuses"),
        ("ufe", "uves"), ("ula", "ulae"), ("ula", "ulas"), ("uli", "ulus"), ("use", "uses"), ("uss", "usses"),
        ("vfe", "vves"), ("wfe", "wves"), ("xfe", "xves"), ("yfe", "yves"), ("you", "you"), ("zfe", "zves"),
        ("by", "bies"), ("ch", "ches"), ("cy", "cies"), ("dy", "dies"), ("ex", "ices"), ("fy", "fies"), ("gy", "gies"),
        ("hy", "hies"), ("io", "ios"), ("jy", "jies"), ("ky", "kies"), ("lf", "lves"), ("ly", "lies"), ("my", "mies"),
        ("ny", "nies"), ("py", "pies"), ("qy", "qies"), ("rf", "rves"), ("ry", "ries"), ("sh", "shes"), ("ss", "sses"),
        ("sy", "sies"), ("ty", "ties"), ("tz", "tzes"), ("va", "vae"), ("vy", "vies"), ("wy", "wies"), ("xy", "xies"),
        ("zy", "zies"), ("zz", "zzes"), ("o", "oes"), ("x", "xes"),
    ]

    /// flect's `baseAcronyms`, kept whole and upper-cased in parts.
    static let acronyms: Set<String> = [
        "OK", "UTF8", "HTML", "JSON", "JWT", "ID", "UUID", "SQL", "ACK", "ACL", "ADSL", "AES", "ANSI", "API", "ARP",
        "ATM", "BGP", "BSS", "CCITT", "CHAP", "CIDR", "CIR", "CLI", "CPE", "CPU", "CRC", "CRT", "CSMA", "CMOS", "DCE",
        "DEC", "DES", "DHCP", "DNS", "DRAM", "DSL", "DSLAM", "DTE", "DMI", "EHA", "EIA", "EIGRP", "EOF", "ESS", "FCC",
        "FCS", "FDDI", "FTP", "GBIC", "gbps", "GEPOF", "HDLC", "HTTP", "HTTPS", "IANA", "ICMP", "IDF", "IDS", "IEEE",
        "IETF", "IMAP", "IP", "IPS", "ISDN", "ISP", "kbps", "LACP", "LAN", "LAPB", "LAPF", "LLC", "MAC", "Mbps", "MC",
        "MDF", "MIB", "MoCA", "MPLS", "MTU", "NAC", "NAT", "NBMA", "NIC", "NRZ", "NRZI", "NVRAM", "OIDC", "OSI", "OSPF",
        "OUI", "PAP", "PAT", "PC", "PIM", "PCM", "PDU", "POP3", "POTS", "PPP", "PPTP", "PTT", "PVST", "RAM", "RARP",
        "RFC", "RIP", "RLL", "ROM", "RSTP", "RTP", "RCP", "SDLC", "SFD", "SFP", "SLARP", "SLIP", "SMTP", "SNA", "SNAP",
        "SNMP", "SOF", "SRAM", "SSH", "SSID", "STP", "SYN", "TDM", "TFTP", "TIA", "TOFU", "UDP", "URL", "URI", "USB",
        "UTP", "VC", "VLAN", "VLSM", "VPN", "W3C", "WAN", "WEP", "WiFi", "WPA", "WWW",
    ]
}
