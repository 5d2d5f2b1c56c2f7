"""The glyphs of symbol fonts, as the characters they show.

Old Word documents type bullets in the Symbol and Wingdings fonts: a ``w:sym`` with
the font's own code, or text in the private-use codes U+F000 to U+F0FF that those
fonts map their glyphs to.  Read as they are, they show as another character or as
none; read here, as the bullet, square or arrow a reader sees.
"""

from __future__ import annotations

from typing import Final

#: Glyphs of the symbol fonts that old Word documents type as bullets, as the characters
#: they show (the font's own code would show as another character, or none).
SYMBOL_GLYPHS: Final[dict[tuple[str, int], str]] = {
    ("symbol", 0xB7): "\u2022",
    ("wingdings", 0x6C): "\u25cf",
    ("wingdings", 0x6E): "\u25a0",
    ("wingdings", 0x76): "\u2756",
    ("wingdings", 0xA7): "\u25aa",
    ("wingdings", 0xD8): "\u27a2",
    ("wingdings", 0xFC): "\u2713",
}
#: The same glyphs typed as text in the fonts' private-use codes.
PRIVATE_GLYPHS: Final = {0xF000 + n: glyph for (_, n), glyph in SYMBOL_GLYPHS.items()}
