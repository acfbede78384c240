#!/usr/bin/env python3
"""Lists Swift functions longer than a limit (default 70 lines), counting from the line of
`func`/`init` to its closing brace. Usage: scripts/long-functions.py [LIMIT] [PATH ...]"""
import os, re, sys

def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    start = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|mutating|override|final|nonisolated)\s+)*(?:func\s+\w+|init[?!]?)\s*[(<]')
    i = 0
    while i < len(lines):
        if start.match(lines[i]):
            depth, opened, j = 0, False, i
            while j < len(lines):
                code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', lines[j].split("//")[0])
                depth += code.count("{") - code.count("}")
                opened = opened or "{" in code
                if opened and depth <= 0:
                    break
                j += 1
            yield i + 1, j - i + 1, lines[i].strip()
        i += 1

limit = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 70
roots = [a for a in sys.argv[1:] if not a.isdigit()] or ["Sources"]
for root in roots:
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith(".swift"):
                path = os.path.join(folder, name)
                for line, length, text in functions(path):
                    if length > limit:
                        print(f"{path}:{line}: {length} lines: {text[:90]}")
