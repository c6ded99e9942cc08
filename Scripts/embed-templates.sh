#!/usr/bin/env bash
# Compiles Templates/*.yaml into Sources/WinLossKit/Templates/BuiltInTemplates.swift, so that the built-in
# templates and codebook are part of the winloss binary and found wherever it runs. Run it after editing a file
# in Templates/; a test fails until the two agree.
set -euo pipefail
cd "$(dirname "$0")/.."

out=Sources/WinLossKit/Templates/BuiltInTemplates.swift
{
    echo "// Generated from Templates/ by Scripts/embed-templates.sh; do not edit. A test keeps it identical to Templates/."
    echo
    echo "/// The built-in templates and codebook, compiled into the binary so that they are found wherever it runs."
    echo "enum BuiltInTemplates {"
    echo "    static let files: [(name: String, text: String)] = ["
    for file in Templates/*.yaml; do
        if grep -q '"""#' "$file" || grep -q '\\#' "$file"; then
            echo "embed-templates: $file contains \"\"\"# or \\#, which a raw string literal cannot hold" >&2
            exit 1
        fi
        if grep -q $'\r' "$file"; then
            echo "embed-templates: $file has CRLF line ends; save it with LF" >&2
            exit 1
        fi
        echo "        ("
        echo "            \"$(basename "$file")\","
        echo "            #\"\"\""
        # Swift strips the closing delimiter's indentation from every line, so the text stays byte for byte.
        sed 's/^\(.\)/            \1/' "$file"
        # The literal ends before the newline that precedes its closing delimiter: one more keeps the file's own.
        echo
        echo "            \"\"\"#"
        echo "        ),"
    done
    echo "    ]"
    echo "}"
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
