#!/usr/bin/env python3
"""Copies each mirrored Java file (README `<!-- readme-test: mirror PATH -->`) into its README block.

Run after `mvn spotless:apply` changes a mirrored test, so ReadmeIT's verbatim comparison holds.
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
lines = readme.read_text().split("\n")
out, i = [], 0
while i < len(lines):
    out.append(lines[i])
    marker = re.match(r"^\s*<!-- readme-test: mirror (\S+\.java) -->\s*$", lines[i])
    if marker and i + 1 < len(lines) and lines[i + 1].strip() == "```java":
        source = (root / marker.group(1)).read_text()
        body = re.sub(r"\Apackage [\w.]+;\n\n", "", source, count=1)
        out.append(lines[i + 1])
        out.extend(body.rstrip("\n").split("\n"))
        i += 2
        while lines[i].strip() != "```":
            i += 1
        out.append(lines[i])
    i += 1
readme.write_text("\n".join(out))
