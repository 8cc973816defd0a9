#!/usr/bin/env python3
"""Production lines of the Rust sources under some folders at a git revision: the lines of
`src/**/*.rs` that are not blank, not comments (`//`, `//!`, `///`) and not inside a
`#[cfg(test)]` item (followed by brace depth). Run from anywhere in the checkout:

    python3 benches/production-lines.py REV crates/nectar-text crates/nectar-extract
"""
import os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def count(src):
    lines = src.split('\n'); n = 0; i = 0
    while i < len(lines):
        t = lines[i].strip()
        if t.startswith('#[cfg(test)]'):
            # skip the item that follows: to its matching closing brace, or its ';'
            depth = 0; started = False; i += 1
            while i < len(lines):
                l = lines[i]
                depth += l.count('{') - l.count('}')
                if '{' in l: started = True
                i += 1
                if (started and depth <= 0) or (not started and l.strip().endswith(';')):
                    break
            continue
        if t and not t.startswith('//'):
            n += 1
        i += 1
    return n
rev = sys.argv[1]; dirs = sys.argv[2:]
files = subprocess.run(['git','ls-tree','-r','--name-only',rev,'--']+dirs, capture_output=True, text=True, cwd=ROOT).stdout.split()
total = 0
for f in files:
    if f.endswith('.rs') and '/src/' in f:
        src = subprocess.run(['git','show',f'{rev}:{f}'], capture_output=True, text=True, cwd=ROOT).stdout
        c = count(src); total += c
print(rev, ' '.join(dirs), total)
