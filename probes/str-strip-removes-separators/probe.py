# Which characters below U+0080 str.strip() removes, and what it makes of a
# line that starts with U+001C, the "file separator".

stripped = [f"U+{c:04X}" for c in range(0x80) if chr(c).isspace()]
print("isspace() below U+0080:", " ".join(stripped))
print("'\\x1c3'.strip() ->", repr("\x1c3".strip()), "-> int:", int("\x1c3".strip()))
