#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and evidence storage, then
# check that every case and evidence file opens with the configured keys.
#
#   scripts/restore.sh BACKUP_FOLDER
#
# Run with the target site's environment: DATABASE_URL of an empty database (createdb first),
# its evidence storage (PRIVATE_STORAGE_ROOT or EVIDENCE_STORAGE=s3 and its bucket), and the SAME
# CASE_MASTER_KEYS and CASE_HASH_KEY as when the backup was taken (kept separately from it).
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."

backup="${1:?usage: scripts/restore.sh BACKUP_FOLDER}"
: "${DATABASE_URL:?DATABASE_URL must be set}"
python="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.production}"

(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$backup/database.dump"
if [ -d "$backup/evidence" ]; then
  "$python" scripts/evidence_files.py import "$backup/evidence"
fi
"$python" manage.py migrate --check >/dev/null
"$python" scripts/evidence_files.py verify
