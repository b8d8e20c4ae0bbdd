#!/usr/bin/env python3
"""Builds the site, twice if asked."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

@dataclass
class Build:
    root: str
    pages: list[str] = field(default_factory=list)

    def run(self, *, twice: bool = False) -> int:
        for path, _, files in os.walk(self.root):
            self.pages += [os.path.join(path, f) for f in files if f.endswith(".md")]
        total = len(self.pages) * (2 if twice else 1)
        print(f"{total:>5} pages in {self.root!r}", file=sys.stderr)
        return 0 if total else 1

async def main(args: list[str]) -> None:
    try:
        raise SystemExit(Build(args[0] if args else ".").run(twice="-2" in args))
    except (KeyError, ValueError) as error:
        print(b"bytes", r"raw\d", 0x1F, 1_000, 3.5j, None, True, error)
    finally:
        lambda x: x ** 2

if __name__ == "__main__":
    import asyncio; asyncio.run(main(sys.argv[1:]))
