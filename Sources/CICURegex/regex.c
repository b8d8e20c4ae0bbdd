#include "CICURegex.h"
#include <unicode/uregex.h>

sitegen_regex *sitegen_regex_compile(const uint16_t *pattern, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *regex = uregex_open((const UChar *)pattern, length, UREGEX_UNIX_LINES, NULL, &status);
    if (U_FAILURE(status)) {
        if (regex) uregex_close(regex);
        return NULL;
    }
    return (sitegen_regex *)regex;
}

sitegen_regex *sitegen_regex_clone(const sitegen_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *clone = uregex_clone((const URegularExpression *)regex, &status);
    return U_FAILURE(status) ? NULL : (sitegen_regex *)clone;
}

void sitegen_regex_free(sitegen_regex *regex) {
    uregex_close((URegularExpression *)regex);
}

void sitegen_regex_set_text(sitegen_regex *regex, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *matcher = (URegularExpression *)regex;
    uregex_setText(matcher, (const UChar *)text, length, &status);
    uregex_useTransparentBounds(matcher, 1, &status);
    uregex_useAnchoringBounds(matcher, 0, &status);
    // A match that backtracks without end gives up, as Chroma's (250 ms in regexp2) does; ICU
    // counts in steps of its engine, roughly milliseconds.
    uregex_setTimeLimit(matcher, 250, &status);
}

int32_t sitegen_regex_group_count(sitegen_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    return uregex_groupCount((URegularExpression *)regex, &status);
}

int sitegen_regex_match_at(sitegen_regex *regex, int32_t position, int32_t *starts, int32_t *ends, int32_t count) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *matcher = (URegularExpression *)regex;
    int32_t length = 0;
    uregex_getText(matcher, &length, &status);
    uregex_setRegion(matcher, position, length, &status);
    if (U_FAILURE(status) || !uregex_lookingAt(matcher, -1, &status) || U_FAILURE(status)) return 0;
    for (int32_t group = 0; group < count; group++) {
        starts[group] = uregex_start(matcher, group, &status);
        ends[group] = uregex_end(matcher, group, &status);
    }
    return !U_FAILURE(status);
}
