#!/usr/bin/env bash
# Deploys the built site.
set -euo pipefail

target="${1:-/srv/www}"
count=$(find public -type f | wc -l)
if [[ $count -eq 0 ]]; then
    echo "nothing to deploy" >&2
    exit 1
fi

for file in public/*.html; do
    case "$file" in
        *draft*) continue ;;
        *) cp -- "$file" "$target/" ;;
    esac
done
rsync -az --delete public/ "$target" && echo "deployed $count files to ${target}"
cat <<EOT > "$target/VERSION"
built $(date -u +%F) by $USER
EOT
export PATH="$HOME/bin:$PATH"; (( count > 100 )) && echo big
