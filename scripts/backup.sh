#!/usr/bin/env bash
# Back up the case database and the (sealed) evidence files into a new folder under DEST.
#
#   scripts/backup.sh DEST
#
# Run with the site's environment (DATABASE_URL, EVIDENCE_STORAGE and its variables,
# PRIVATE_STORAGE_ROOT, CASE_MASTER_KEYS, ...; DJANGO_SETTINGS_MODULE defaults to production).
# Writes DEST/cases-<UTC time>/ with:
#   database.dump   pg_dump custom format (restore with scripts/restore.sh)
#   evidence/       every evidence file, still sealed with its case's key
#   SHA256SUMS      checksums of the above
# The keys (CASE_MASTER_KEYS, CASE_HASH_KEY, SECRET_KEY) are NOT in the backup and must be kept
# separately (a password manager or secret store): without them the backup cannot be read, and
# with the backup alone nobody can read a claimant's story, name or files.
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."

dest="${1:?usage: scripts/backup.sh DEST}"
: "${DATABASE_URL:?DATABASE_URL must be set}"
python="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.production}"

out="$dest/cases-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
pg_dump --format=custom --no-owner --no-privileges --file="$out/database.dump" "$DATABASE_URL"
"$python" scripts/evidence_files.py export "$out/evidence"
(cd "$out" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
echo "$out"
