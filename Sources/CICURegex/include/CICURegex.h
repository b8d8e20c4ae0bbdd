// ICU's regular expressions (Debian's libicu-dev), behind a header that names no ICU type: the
// toolchain's Foundation carries an ICU of its own, whose headers clash with the system's in
// one Swift module.
#ifndef CICUREGEX_H
#define CICUREGEX_H

#include <stdint.h>

typedef struct sitegen_regex sitegen_regex;

/// The pattern compiled with only `\n` ending lines (UREGEX_UNIX_LINES); NULL if it does not compile.
sitegen_regex *sitegen_regex_compile(const uint16_t *pattern, int32_t length);
/// A matcher of its own for the same pattern (a compiled pattern is not for two threads at once).
sitegen_regex *sitegen_regex_clone(const sitegen_regex *regex);
void sitegen_regex_free(sitegen_regex *regex);
/// Points the matcher at text it does not copy, with transparent and non-anchoring bounds and
/// a time limit on each match.
void sitegen_regex_set_text(sitegen_regex *regex, const uint16_t *text, int32_t length);
int32_t sitegen_regex_group_count(sitegen_regex *regex);
/// Whether the pattern matches at `position`; each group's start and end (-1 when it took no
/// part) for the `count` groups from 0 asked for. A match that runs out of time did not match.
int sitegen_regex_match_at(sitegen_regex *regex, int32_t position, int32_t *starts, int32_t *ends, int32_t count);

#endif
