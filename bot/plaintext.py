"""Characters that must not reach a serializer or the database: one rule each, for every writer.

XML 1.0 (and so every XLSX cell, every Open311 `.xml` answer) forbids most C0 control characters,
lone surrogates and U+FFFE/U+FFFF: one such character in a rider's text made `requests.xml` not
well-formed and every XLSX export fail (openpyxl's IllegalCharacterError), for good. openpyxl's own
`ILLEGAL_CHARACTERS_RE` covers the C0 controls only, so the XML 1.0 `Char` production is spelled
out here in full, and every XML/XLSX writer passes its text through `xml_safe`.
"""
from __future__ import annotations

import re
from typing import Any

# everything outside XML 1.0's Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# control characters nobody means to type (C0 but tab and line breaks, and DEL): dropped on the way in
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Format characters that show nothing (Unicode category Cf, as chat apps and input methods leave them):
# soft hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner, the direction marks,
# embeddings, overrides and isolates (U+200E/F, U+202A-E, U+2066-9), the word joiner and invisible
# operators (U+2060-4), BOM. One set for every reader that must see through them: a command typed with
# one (bot.commandtext), a phone number split by one (bot.privacy.normalize).
INVISIBLE = ("\u00ad\u180e" + "".join(map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                                *range(0x2060, 0x2065), *range(0x2066, 0x206A)])) + "\ufeff")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (a writer's last step, so that nothing stored
    before this rule existed can break an export)."""
    return _NOT_XML.sub("", text)


def xml_value(value: Any) -> Any:
    """A cell's value for an XML-based writer: strings through `xml_safe`, anything else as it is."""
    return xml_safe(value) if isinstance(value, str) else value


def without_controls(text: str) -> str:
    """Text as a person meant it: no C0 control characters but tab and line breaks, no DEL
    (applied to what an outside system sends, before it is stored)."""
    return _CONTROLS.sub("", text)
