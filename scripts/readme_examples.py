"""Keeps the README's example outputs real.

Every fenced block of README.md whose first line is `$ ./scripts/complexity ARGS` is an
example: the tool is run with ARGS and its output compared with the block.

    python3 scripts/readme_examples.py BIN            # check: exit 1 when the README drifted
    python3 scripts/readme_examples.py BIN --update   # rewrite every example from a real run

Outputs that do not depend on the machine (`fit` on a recorded file, `list`) must match to the
character. Live sweeps vary with the machine, so there the check is of the format: the table's
header, its number of rows, and the shape of the summary line (numbers and classes masked).
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(ROOT, "README.md")
BLOCK = re.compile(r"```\n\$ \./scripts/complexity (?P<args>[^\n]*)\n(?P<output>.*?)```", re.S)
LIVE = ("sweep", "time", "race")


def run(binary, args):
    """The tool's standard output for ARGS (a shell-like line), run from the package root."""
    words = [w.strip("'") for w in re.findall(r"'[^']*'|\S+", args)]
    result = subprocess.run([binary] + words, cwd=ROOT, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    if result.returncode not in (0, 1):
        sys.exit("readme-examples: `complexity %s` failed (exit %d): %s"
                 % (args, result.returncode, result.stderr.strip()))
    return result.stdout


def shape(line):
    """A line with its numbers, classes and verdicts masked and its spacing folded."""
    line = re.sub(r"inconclusive \([^)]*\)", "inconclusive", line)
    line = re.sub(r"O\([^)]*\)", "O(.)", line)
    line = re.sub(r"\b(agree|differs|inconclusive|failed)\b( <--)?", "V", line)
    line = re.sub(r"-?\d+(\.\d+)?(e[-+]?\d+)?", "#", line)
    return re.sub(r"-{2,}", "-", re.sub(r"\s+", " ", line)).strip()


def same_format(expected, actual):
    """Whether a live output keeps the README's format: header, rows, summary."""
    def parts(text):
        lines = text.rstrip("\n").split("\n")
        rule = next((i for i, l in enumerate(lines) if set(l) <= set("- ") and "-" in l), None)
        if rule is None:
            # CSV: the header names the columns; each line after it is one row.
            return lines[0], len(lines) - 1, ""
        rows = 0
        for line in lines[rule + 1:]:
            if not line.strip():
                break
            rows += 1
        # The summary's counts, not the remarks a run may add after them.
        return re.sub(r"\s+", " ", lines[rule - 1]).strip(), rows, shape(lines[-1].split(";")[0])
    return parts(expected) == parts(actual)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: readme_examples.py BIN [--update]")
    binary, update = sys.argv[1], "--update" in sys.argv[2:]
    text = open(README, encoding="utf-8").read()
    drifted = []

    def replace(match):
        args, output = match.group("args"), match.group("output")
        fresh = run(binary, args)
        live = args.split()[0] in LIVE
        if not (same_format(output, fresh) if live else output == fresh):
            drifted.append(args)
        return "```\n$ ./scripts/complexity %s\n%s```" % (args, fresh if update else output)

    new = BLOCK.sub(replace, text)
    count = len(BLOCK.findall(text))
    if update:
        open(README, "w", encoding="utf-8").write(new)
        print("readme-examples: %d examples rewritten from real runs" % count)
        return
    for args in drifted:
        print("readme-examples: the README's output of `complexity %s` no longer matches the "
              "tool's; run scripts/readme-examples --update" % args)
    print("readme-examples: %d examples, %d drifted" % (count, len(drifted)))
    sys.exit(1 if drifted else 0)


if __name__ == "__main__":
    main()
