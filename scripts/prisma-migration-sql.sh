#!/usr/bin/env bash
# Runs ../shared/tools/prisma-migration-sql with the `postgresqlExtensions` preview feature that our
# schema uses (pg_trgm): the shared tool replaces the generator block and would otherwise reject
# `extensions = [...]`. Same arguments as the shared tool; see docs/decisions/001-migration-runner.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tool="$here/../shared/tools/prisma-migration-sql"
[ -f "$tool" ] || { echo "prisma-migration-sql.sh: $tool not found" >&2; exit 2; }
patched=$(mktemp)
trap 'rm -f "$patched"' EXIT
sed 's/\\"queryCompiler\\"\]/\\"queryCompiler\\", \\"postgresqlExtensions\\"]/' "$tool" > "$patched"
bash "$patched" "$@"
