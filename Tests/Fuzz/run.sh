#!/usr/bin/env bash
# Fuzzes the HTTP/1.1 request parser with libFuzzer and AddressSanitizer.
# Usage: Tests/Fuzz/run.sh [runs, default 10000000] [extra libFuzzer flags…]
# Builds .build-fuzz/request-parser-fuzzer from the parser's sources and the target beside this
# script, then runs it over a copy of corpus/ (new inputs it finds are kept in .build-fuzz/corpus).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10000000}"
shift || true
out=.build-fuzz
mkdir -p "$out/corpus" "$out/findings"
cp -n Tests/Fuzz/corpus/* "$out/corpus/" 2>/dev/null || true

sources=(RequestParser RequestParseError HTTPRequest HTTPHeaders HTTPVersion ASCII RequestTarget HostField
         HTTPServerConfiguration ClientAddress)
swiftc -O -g -parse-as-library -sanitize=fuzzer,address -module-name HTTPServer \
    $(printf 'Sources/HTTPServer/%s.swift ' "${sources[@]}") Tests/Fuzz/RequestParserFuzzTarget.swift \
    -o "$out/request-parser-fuzzer"

# -max_len 4096: long enough for every limit above; -timeout: a hang is a finding too.
"$out/request-parser-fuzzer" -runs="$runs" -max_len=4096 -timeout=5 -print_final_stats=1 \
    -artifact_prefix="$out/findings/" -dict=Tests/Fuzz/http.dict "$@" "$out/corpus"
