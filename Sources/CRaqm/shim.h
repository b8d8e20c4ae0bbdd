#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_BITMAP_H
#include FT_SIZES_H
#include <raqm.h>
#include <fontconfig/fontconfig.h>
#include <linebreak.h>
